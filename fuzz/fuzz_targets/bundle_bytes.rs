//! Decoding arbitrary bytes as a bundle fails cleanly instead of panicking or
//! allocating without bound (the app only ever decodes its own embedded
//! bundle, but the decoder should not trust its input).
#![no_main]

use csto_core::bundle::Bundle;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = Bundle::from_bytes(data);
});
