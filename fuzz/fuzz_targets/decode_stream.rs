//! Any bytes as a stream file: decoding must return events or a corruption error, never
//! panic, and what it returns must be a gap-free prefix of versions.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let path = std::path::Path::new("fuzz.jsonl");
    if let Ok(events) = jerry::store::jsonl::decode_stream_bytes(path, bytes) {
        for (event, version) in events.iter().zip(1..) {
            assert_eq!(event.version, version);
        }
    }
});
