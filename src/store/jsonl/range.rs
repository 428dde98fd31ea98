//! Reading a range of a stream's versions without reading the whole file.
//!
//! A stream file's line N holds version N, and only bytes after the committed end ever
//! change. So once the tail is known (a read of the last few KiB), the lines of any range are
//! found by counting newlines: forwards from the start for a range that begins in the first
//! half, backwards from the committed end otherwise. Loading an item from its snapshot then reads
//! only the events after it, and a stream of 100,000 events costs what one of 50 does.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use super::line::{decode_lines, decode_stream, Tail, TxnCheck};
use super::read_tail;
use crate::store::{RecordedEvent, StoreError};

/// Files up to this size are read whole in one call: cheaper than seeking around in them.
const WHOLE_FILE: u64 = 64 * 1024;
/// The first read of a range, in bytes; each further read is four times larger.
const FIRST_READ: u64 = 16 * 1024;

/// The committed events `from..=to` of the stream file at `path`.
pub(super) fn read_range(
    path: &Path,
    file: &mut File,
    from: u64,
    to: u64,
    committed: &mut TxnCheck<'_>,
) -> Result<Vec<RecordedEvent>, StoreError> {
    let io_err = |err| StoreError::io("cannot read", path, err);
    let len = file.metadata().map_err(io_err)?.len();
    if len <= WHOLE_FILE {
        let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
        file.read_to_end(&mut bytes).map_err(io_err)?;
        return decode_stream(path, &bytes, from, to, committed);
    }
    let (tail, _) = read_tail(path, file, committed)?;
    let last = tail.version.min(to);
    if tail.committed_len == 0 || from > last {
        return Ok(Vec::new());
    }
    // From whichever end is nearer: a range that starts in the first half is read forwards.
    let forwards = from <= tail.version - from;
    let found = if forwards {
        head_lines(file, &tail, last).map_err(io_err)?
    } else {
        last_lines(file, &tail, from).map_err(io_err)?
    };
    match found {
        Some(bytes) if forwards => decode_lines(path, &bytes, 1, from, last),
        Some(bytes) => decode_lines(path, &bytes, from, from, last),
        // The file has fewer lines than its versions claim: the whole-file decode names
        // the line that is wrong.
        None => {
            let mut bytes = Vec::new();
            file.seek(SeekFrom::Start(0)).map_err(io_err)?;
            file.read_to_end(&mut bytes).map_err(io_err)?;
            decode_stream(path, &bytes, from, to, committed)
        }
    }
}

/// The bytes of lines `1..=last` (each with its newline), read forwards from the start.
fn head_lines(file: &mut File, tail: &Tail, last: u64) -> io::Result<Option<Vec<u8>>> {
    let end = tail.committed_len as u64;
    let mut size = end.min(FIRST_READ);
    loop {
        let bytes = read_at(file, 0, size)?;
        let mut newlines = 0;
        for (at, _) in bytes.iter().enumerate().filter(|(_, &b)| b == b'\n') {
            newlines += 1;
            if newlines == last {
                return Ok(Some(bytes[..=at].to_vec()));
            }
        }
        if size == end {
            return Ok(None);
        }
        size = end.min(size * 4);
    }
}

/// The bytes of lines `from..` up to the committed end, read backwards from it.
fn last_lines(file: &mut File, tail: &Tail, from: u64) -> io::Result<Option<Vec<u8>>> {
    let end = tail.committed_len as u64;
    // The newline that ends line `from - 1`, counted from the end (the last line's is 1st).
    let wanted = tail.version - from + 2;
    let mut size = end.min(FIRST_READ);
    loop {
        let start = end - size;
        let bytes = read_at(file, start, size)?;
        let mut newlines = 0;
        for (at, _) in bytes.iter().enumerate().rev().filter(|(_, &b)| b == b'\n') {
            newlines += 1;
            if newlines == wanted {
                return Ok(Some(bytes[at + 1..].to_vec()));
            }
        }
        if start == 0 {
            // Line `from` is the first line of the file only when `from` is 1.
            return Ok(None);
        }
        // Read at least as far again as the lines found so far suggest is needed.
        let per_line = size / newlines.max(1);
        size = end.min((size * 4).max(per_line.saturating_mul(wanted + 8)));
    }
}

fn read_at(file: &mut File, offset: u64, size: u64) -> io::Result<Vec<u8>> {
    let mut bytes = vec![0; usize::try_from(size).unwrap_or(usize::MAX)];
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(&mut bytes)?;
    Ok(bytes)
}
