//! One value as the text of a CSV cell: texts from the API made safe to open in a spreadsheet,
//! and seconds written as decimals.

use std::borrow::Cow;

/// A text from the API that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return) gets a leading `'`, so it shows as the text it is (OWASP's
/// advice on CSV injection). Other texts are returned as they are, without copying.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if runs_as_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `neutralise` for a text already owned (a formatted instant): no copy when it is safe.
pub fn neutralise_owned(text: String) -> String {
    if runs_as_formula(&text) {
        format!("'{text}")
    } else {
        text
    }
}

fn runs_as_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Seconds to the millisecond as a plain decimal: `103.2`, `45`, `0.125`, with no trailing
/// zeros. By integer arithmetic: Rust's float printer would add ~6 KB to the page. Not a number
/// (or infinite) is empty; values beyond what u64 milliseconds hold are capped there.
pub fn seconds(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let ms = (value.abs() * 1000.0).round() as u64;
    let sign = if value < 0.0 && ms > 0 { "-" } else { "" };
    let (whole, fraction) = (ms / 1000, ms % 1000);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let mut text = format!("{sign}{whole}.{fraction:03}");
    text.truncate(text.trim_end_matches('0').len());
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        for hostile in ["=cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "+1", "\tx", "\r=1"] {
            assert_eq!(neutralise(hostile), format!("'{hostile}"), "{hostile:?}");
        }
    }

    #[test]
    fn owned_texts_are_neutralised_alike() {
        assert_eq!(neutralise_owned("+275760-09-13".into()), "'+275760-09-13");
        assert_eq!(neutralise_owned("2025-01-15".into()), "2025-01-15");
    }

    #[test]
    fn ordinary_texts_are_left_as_they_are() {
        for text in ["orders", "", " =1", "a=b", "'quoted", "1-2", "ünïcode"] {
            assert!(
                matches!(neutralise(text), Cow::Borrowed(t) if t == text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn seconds_are_decimals_without_trailing_zeros() {
        assert_eq!(seconds(103.2), "103.2");
        assert_eq!(seconds(45.0), "45");
        assert_eq!(seconds(0.125), "0.125");
        assert_eq!(seconds(0.0), "0");
        assert_eq!(seconds(1.05), "1.05");
        assert_eq!(seconds(60.000_4), "60", "rounded to the millisecond");
        assert_eq!(seconds(0.999_6), "1", "rounding carries into the seconds");
        assert_eq!(seconds(12_345.678_9), "12345.679");
        assert_eq!(seconds(-1.5), "-1.5");
        assert_eq!(seconds(-0.000_1), "0", "no minus on a zero");
        assert_eq!(seconds(f64::NAN), "");
        assert_eq!(seconds(f64::INFINITY), "");
    }
}
