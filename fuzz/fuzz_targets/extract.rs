//! Any text given to the extractor: no panic, and every code in 100..=599.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let extraction = http_returns_build::__private::extract::document("fuzz.md", text);
        for (_, row) in extraction.document.rows() {
            assert!((100..=599).contains(&row.code), "code {}", row.code);
        }
    }
});
