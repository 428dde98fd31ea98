//! The floor for replay and export: reading a JSON Lines file and parsing every line with
//! serde_json alone, nothing else. Run: `cargo bench --bench parse_floor -- FILE`
//! (for instance a file written by `jerry events export -o FILE`).

use std::io::{BufRead, BufReader};
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().skip(1).find(|arg| !arg.starts_with('-')) else {
        eprintln!("usage: cargo bench --bench parse_floor -- FILE.jsonl");
        return;
    };
    let started = Instant::now();
    let reader = BufReader::with_capacity(1 << 20, std::fs::File::open(&path).expect("open"));
    let (mut lines, mut bytes) = (0u64, 0u64);
    for line in reader.split(b'\n') {
        let line = line.expect("read");
        bytes += line.len() as u64 + 1;
        let _: serde_json::Value = serde_json::from_slice(&line).expect("JSON");
        lines += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "serde_json alone: {lines} lines, {:.1} MB in {seconds:.3} s: {:.0} lines/s, {:.0} MB/s",
        bytes as f64 / 1e6,
        lines as f64 / seconds,
        bytes as f64 / 1e6 / seconds
    );
}
