//! The scenarios compiled into the widget.
//!
//! `build.rs` validates each file with the model's parser and writes it
//! out as Rust, so nothing is parsed (or fetched) at run time.

use claimcheck_model::Scenario;

/// The eTA 2016 story: the IRCC website outage of 8–9 November 2016.
pub fn eta_2016() -> Scenario {
    include!(concat!(env!("OUT_DIR"), "/eta_2016.rs"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn compiled_data_equals_the_parsed_file() {
        assert_eq!(super::eta_2016(), claimcheck_model::Scenario::eta_2016());
    }
}
