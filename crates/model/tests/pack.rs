//! The packed binary form (`pack.rs`): every bundled scenario round
//! trips, and corrupt bytes give a `PackError`, never a panic.

mod common;

use claimcheck_model::pack::{
    pack, pack_all, peek_head, peek_id, split_all, unpack, PackError,
};
use proptest::prelude::*;

#[test]
fn every_bundled_scenario_round_trips() {
    for s in common::scenarios() {
        let bytes = pack(s);
        assert_eq!(&unpack(&bytes).unwrap(), s);
        assert_eq!(peek_id(&bytes).unwrap(), s.id);
        assert_eq!(peek_head(&bytes).unwrap(), (s.id.clone(), s.default));
    }
}

#[test]
fn several_scenarios_in_one_buffer() {
    let all = common::scenarios();
    let bytes = pack_all(all);
    let parts = split_all(&bytes).unwrap();
    assert_eq!(parts.len(), all.len());
    for (part, s) in parts.iter().zip(all) {
        assert_eq!(&unpack(part).unwrap(), s);
    }
    assert_eq!(split_all(&pack_all(&[])).unwrap().len(), 0);
}

#[test]
fn truncated_bytes_are_an_error_at_the_end() {
    let bytes = pack(common::eta());
    // Every prefix of the first kilobyte, then every 97th.
    let cuts =
        (0..bytes.len().min(1024)).chain((1024..bytes.len()).step_by(97));
    for n in cuts {
        let e = unpack(&bytes[..n]).unwrap_err();
        assert!(e.offset <= n, "cut at {n}: error at {}", e.offset);
    }
    // One byte too many.
    let mut long = bytes.clone();
    long.push(0);
    assert_eq!(unpack(&long), Err(PackError { offset: bytes.len() }));
    assert_eq!(
        PackError { offset: 7 }.to_string(),
        "packed scenario is corrupt at byte 7"
    );
}

#[test]
fn a_length_past_the_end_is_an_error() {
    // A count of one scenario of 1,000 bytes, with none there.
    assert!(split_all(&[1, 0xe8, 0x07]).is_err());
    assert!(split_all(&[]).is_err());
    // A varint that never ends.
    assert!(split_all(&[0xff; 12]).is_err());
    assert!(peek_id(&[0xff; 12]).is_err());
    assert!(peek_head(&[]).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn flipped_bytes_never_panic(
        k in 0usize..common::scenarios().len(),
        flips in proptest::collection::vec(
            (any::<usize>(), any::<u8>()),
            1..4,
        ),
    ) {
        let mut bytes = pack(&common::scenarios()[k]);
        for (at, b) in flips {
            let n = bytes.len();
            bytes[at % n] ^= b | 1;
        }
        // Either an error or some scenario; never a panic.
        let _ = unpack(&bytes);
        let _ = split_all(&bytes);
        let _ = peek_head(&bytes);
    }
}
