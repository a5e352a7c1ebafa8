//! The benchmark's report, as the README shows it.

use std::fmt::Write as _;

use super::Report;
use crate::measure::{median, quantile};

impl Report {
    /// The report as README-ready text.
    pub fn render(&self) -> String {
        let (a, h) = (median(&self.annotated), median(&self.by_hand));
        let ratios: Vec<f64> = self
            .annotated
            .iter()
            .zip(&self.by_hand)
            .map(|(a, h)| a.as_secs_f64() / h.as_secs_f64())
            .collect();
        let mut out = String::new();
        let rounds = self.annotated.len();
        let _ = writeln!(
            out,
            "{} async handlers, incremental rebuild after touching the source, {rounds} rounds:",
            self.handlers
        );
        let _ = writeln!(
            out,
            "  by hand, typed API, no attribute: {:>6.3} s (median)",
            h.as_secs_f64()
        );
        let _ = writeln!(
            out,
            "  #[returns(..)]:                   {:>6.3} s (median)",
            a.as_secs_f64()
        );
        let _ = writeln!(
            out,
            "  ratio, median of the rounds' ratios: {:.2}x (quartiles {:.2}x to {:.2}x; target: at most 1.30x)",
            quantile(&ratios, 0.5),
            quantile(&ratios, 0.25),
            quantile(&ratios, 0.75)
        );
        match &self.instructions {
            Ok((annotated, by_hand)) => {
                let _ = writeln!(
                    out,
                    "rustc instructions for one rebuild (cachegrind; noise-free):\n  \
                     by hand {:.3} G, #[returns(..)] {:.3} G: {:.2}x",
                    *by_hand as f64 / 1e9,
                    *annotated as f64 / 1e9,
                    *annotated as f64 / *by_hand as f64
                );
            }
            Err(why) => {
                let _ = writeln!(out, "rustc instructions not counted: {why}");
            }
        }
        let _ = writeln!(
            out,
            "http-returns-macros clean build, with syn/quote/proc-macro2: {:.2} s",
            self.macro_clean_build.as_secs_f64()
        );
        out
    }
}
