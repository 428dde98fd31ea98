//! The floor for replay and export: parsing every line of a JSON Lines file (already in
//! memory) on one core and doing nothing else — into `serde_json::Value` trees (how replay
//! decoded before issue 17), and into jerry's borrowed `EventLine` with its payload decoded
//! once into the domain event: by serde_json's derive, and by `EventLine::parse` (how it
//! decodes now: lines of the shape jerry writes field by field). Run: `cargo bench --bench parse_floor --
//! FILE` (for instance a file written by `jerry events export -o FILE`).

use std::time::Instant;

use jerry::domain::WorkItemEvent;
use jerry::store::EventLine;

fn main() {
    let Some(path) = std::env::args().skip(1).find(|arg| !arg.starts_with('-')) else {
        eprintln!("usage: cargo bench --bench parse_floor -- FILE.jsonl");
        return;
    };
    let text = std::fs::read(&path).expect("read");
    let lines: Vec<&[u8]> = text
        .split(|&byte| byte == b'\n')
        .filter(|line| !line.is_empty())
        .collect();
    let report = |what: &str, seconds: f64| {
        println!(
            "{what}: {} lines, {:.1} MB in {seconds:.3} s: {:.0} lines/s, {:.0} MB/s (one core)",
            lines.len(),
            text.len() as f64 / 1e6,
            lines.len() as f64 / seconds,
            text.len() as f64 / 1e6 / seconds
        );
    };
    let started = Instant::now();
    for line in &lines {
        let _: serde_json::Value = serde_json::from_slice(line).expect("JSON");
    }
    report("serde_json into Value", started.elapsed().as_secs_f64());
    let decode = |what: &str, parse: &dyn Fn(&str) -> EventLine<'_>| {
        let started = Instant::now();
        let mut decoded = 0u64;
        for line in &lines {
            let line = std::str::from_utf8(line).expect("UTF-8");
            let event = parse(line);
            let known =
                WorkItemEvent::decode_raw(&event.event_type, event.schema_version, event.payload.get())
                    .expect("a payload");
            decoded += u64::from(known.is_some());
        }
        report(
            &format!("{what}, payload decoded ({decoded} known events)"),
            started.elapsed().as_secs_f64(),
        );
    };
    decode("EventLine by serde_json", &|line| {
        serde_json::from_str(line).expect("an event line")
    });
    decode("EventLine::parse (the usual shape field by field)", &|line| {
        EventLine::parse(line).expect("an event line")
    });
}
