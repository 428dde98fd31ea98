//! A process that waits sleeps: `events follow`, `serve` (with a board's event stream open),
//! `mcp` and `hooks run --follow` cost next to no CPU while nothing is written, measured as the kernel counts
//! it (`/proc/PID/stat`, user + system time), not as wall time. They still wake for the
//! next append from another process.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::server::Server;
use common::Workspace;

/// How long the processes are watched while nothing happens.
const WINDOW: Duration = Duration::from_secs(10);

/// CPU time (user + system) the kernel has charged `pid`, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/PID/stat");
    // The command name (field 2) may hold spaces; the fields after its ')' are plain.
    let rest = &stat[stat.rfind(')').expect("a command name") + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

fn ticks_per_second() -> u64 {
    // SAFETY: sysconf only reads a constant.
    u64::try_from(unsafe { libc::sysconf(libc::_SC_CLK_TCK) }).unwrap()
}

/// Reads stdout lines of `child` on a thread, so a test can wait for one with a deadline.
fn lines_of(child: &mut Child) -> std::sync::mpsc::Receiver<String> {
    let stdout = child.stdout.take().expect("piped stdout");
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            if send.send(line).is_err() {
                return;
            }
        }
    });
    receive
}

#[test]
fn follow_serve_and_mcp_sleep_while_nothing_is_written() {
    let w = Workspace::new();
    w.ok(&["items", "create", "before"]);

    let mut follow = w
        .command()
        .args(["events", "follow"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("jerry events follow");
    let followed = lines_of(&mut follow);

    let server = Server::start(&w);
    let mut board_stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    board_stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let request = format!("GET /api/stream HTTP/1.1\r\nHost: {}\r\n\r\n", server.host());
    board_stream.write_all(request.as_bytes()).unwrap();

    let hooked = w.path().join("hooked.txt");
    let config = w.path().join("projects/PROJ-001/.jerry/config.toml");
    let toml = std::fs::read_to_string(&config).unwrap_or_default()
        + &format!(
            "\n[[hooks]]\nname = \"idle\"\nrun = \"cat >> '{}'\"\n",
            hooked.display()
        );
    std::fs::write(&config, toml).unwrap();
    let mut runner = w
        .command()
        .args(["hooks", "run", "--follow"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("jerry hooks run --follow");

    let mut mcp = w
        .command()
        .arg("mcp")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("jerry mcp");

    // Let every process finish starting before the window opens.
    std::thread::sleep(Duration::from_secs(1));
    let watched = [
        ("events follow", follow.id()),
        ("serve", server.child.id()),
        ("mcp", mcp.id()),
        ("hooks run --follow", runner.id()),
    ];
    let before: Vec<u64> = watched.iter().map(|(_, pid)| cpu_ticks(*pid)).collect();
    std::thread::sleep(WINDOW);
    // At most 1% of a core over the window.
    let allowed = ticks_per_second() * WINDOW.as_secs() / 100;
    for ((name, pid), before) in watched.iter().zip(before) {
        let used = cpu_ticks(*pid) - before;
        assert!(
            used <= allowed,
            "an idle `jerry {name}` used {used} CPU ticks in {WINDOW:?} (at most {allowed})"
        );
    }

    // Still awake: an append from another process reaches the follower and the board.
    w.ok(&["items", "create", "after"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = followed.recv_timeout(left).expect("follow prints the new event");
        if line.contains("WORK-002") {
            break;
        }
    }
    let mut seen = String::new();
    let mut buffer = [0u8; 4096];
    while !seen.contains("WORK-002") {
        let read = board_stream
            .read(&mut buffer)
            .expect("the board streams the new event");
        assert!(read > 0, "the board closed its stream: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buffer[..read]));
    }

    // The hook got it, from the follower or the write's own runner.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !std::fs::read_to_string(&hooked)
        .unwrap_or_default()
        .contains("WORK-002")
    {
        assert!(Instant::now() < deadline, "the hook never got WORK-002's event");
        std::thread::sleep(Duration::from_millis(50));
    }

    let _ = runner.kill();
    let _ = runner.wait();
    let _ = follow.kill();
    let _ = follow.wait();
    drop(mcp.stdin.take());
    let _ = mcp.wait();
}
