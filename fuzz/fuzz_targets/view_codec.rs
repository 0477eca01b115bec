//! The address bar → ViewState → address bar round trip: decoding any query
//! string never panics, and decoding what was encoded gives the same view and
//! the same string again (so a shared link is stable).
#![no_main]

use csto_core::view::ViewState;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (view, _notices) = ViewState::decode(&input);
    let once = view.encode();
    let (again, _) = ViewState::decode(&once);
    assert_eq!(again, view, "decode(encode(decode(input))) differs");
    assert_eq!(again.encode(), once, "encoding is not stable");
});
