//! Any bytes as an import file: the import must succeed or fail cleanly, never panic, and a
//! failed import must leave the store empty.
#![no_main]

use jerry::store::memory::MemoryStore;
use jerry::store::EventStore;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let store = MemoryStore::new();
    match jerry::app::import(&store, std::io::Cursor::new(bytes)) {
        Ok(report) => assert_eq!(report.imported, store.head_position().unwrap_or(0)),
        Err(_) => assert_eq!(store.head_position().unwrap_or(0), 0),
    }
});
