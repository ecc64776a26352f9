//! Reading the "Job IDs" box: separators, ranges, duplicates, and every way a token can be wrong.

use std::collections::HashSet;
use std::fmt;

use crate::thousands::group_thousands;

/// The largest integer JavaScript (and so a JSON body read by a browser) represents exactly.
pub const MAX_SAFE_ID: u64 = 9_007_199_254_740_991;
/// The most IDs one fetch may ask for: a typo like `1-99999999` must not send a million requests.
pub const MAX_IDS: usize = 100_000;

/// What is allowed, said once under every rejection.
pub const ALLOWED: &str = "Use whole numbers from 1 up, separated by commas, spaces or new lines, \
     and ranges like 1040-1045 (at most 100,000 IDs).";

/// The IDs to fetch, in the order typed, without duplicates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobIdList {
    pub ids: Vec<u64>,
    /// How many repeats were dropped.
    pub duplicates_dropped: usize,
}

/// One token of the input that cannot be used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadToken {
    pub token: String,
    pub reason: String,
}

/// Why the whole input was rejected: no IDs at all, or the tokens that are wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobIdsError {
    Empty,
    BadTokens(Vec<BadToken>),
    TooMany { count: usize },
}

impl fmt::Display for JobIdsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobIdsError::Empty => write!(f, "Enter at least one job ID. {ALLOWED}"),
            JobIdsError::BadTokens(bad) => {
                let listed: Vec<String> = bad
                    .iter()
                    .map(|b| format!("“{}” {}", b.token, b.reason))
                    .collect();
                write!(f, "{}. {ALLOWED}", listed.join("; "))
            }
            JobIdsError::TooMany { count } => write!(
                f,
                "That is {} IDs; at most {} can be fetched at once. {ALLOWED}",
                group_thousands(*count as u64),
                group_thousands(MAX_IDS as u64)
            ),
        }
    }
}

impl std::error::Error for JobIdsError {}

fn is_separator(c: char) -> bool {
    c == ',' || c.is_whitespace()
}

/// Parses one ID, or says what is wrong with it.
fn parse_id(text: &str) -> Result<u64, String> {
    if let Some(rest) = text.strip_prefix('-') {
        if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
            return Err("is negative; job IDs start at 1".into());
        }
    }
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err("is not a whole number".into());
    }
    match text.parse::<u64>() {
        Ok(0) => Err("is zero; job IDs start at 1".into()),
        Ok(n) if n <= MAX_SAFE_ID => Ok(n),
        _ => Err(format!(
            "is too large; the largest usable ID is {MAX_SAFE_ID}"
        )),
    }
}

/// A token is one ID or an inclusive range `from-to`.
fn parse_token(token: &str) -> Result<std::ops::RangeInclusive<u64>, String> {
    // A leading '-' is a sign, not a range: "-5" is a negative number.
    let split = token
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c == '-')
        .map(|(i, _)| i);
    let Some(i) = split else {
        return parse_id(token).map(|id| id..=id);
    };
    let (from, to) = (&token[..i], &token[i + 1..]);
    if from.is_empty() || to.is_empty() || to.contains('-') {
        return Err("is not a number or a range like 1040-1045".into());
    }
    let from = parse_id(from).map_err(|why| format!("starts with a number that {why}"))?;
    let to = parse_id(to).map_err(|why| format!("ends with a number that {why}"))?;
    if to < from {
        return Err(format!("is reversed; write it as {to}-{from}"));
    }
    let count = to - from + 1;
    if count > MAX_IDS as u64 {
        return Err(format!(
            "expands to {} IDs; at most {} can be fetched at once",
            group_thousands(count),
            group_thousands(MAX_IDS as u64)
        ));
    }
    Ok(from..=to)
}

/// Reads the "Job IDs" box. Every bad token is reported, not just the first.
pub fn parse_job_ids(input: &str) -> Result<JobIdList, JobIdsError> {
    let mut seen = HashSet::new();
    let mut ids = Vec::new();
    let mut expanded = 0usize;
    let mut bad = Vec::new();
    for token in input.split(is_separator).filter(|t| !t.is_empty()) {
        match parse_token(token) {
            Ok(range) => {
                // Stop collecting once past the cap; keep checking the remaining tokens.
                expanded += (range.end() - range.start() + 1) as usize;
                for id in range {
                    if ids.len() > MAX_IDS {
                        break;
                    }
                    if seen.insert(id) {
                        ids.push(id);
                    }
                }
            }
            Err(reason) => bad.push(BadToken {
                token: token.to_string(),
                reason,
            }),
        }
    }
    if !bad.is_empty() {
        return Err(JobIdsError::BadTokens(bad));
    }
    if ids.is_empty() {
        return Err(JobIdsError::Empty);
    }
    if ids.len() > MAX_IDS {
        return Err(JobIdsError::TooMany { count: expanded });
    }
    Ok(JobIdList {
        duplicates_dropped: expanded - ids.len(),
        ids,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(input: &str) -> Vec<u64> {
        parse_job_ids(input).unwrap().ids
    }

    fn bad(input: &str) -> Vec<(String, String)> {
        match parse_job_ids(input) {
            Err(JobIdsError::BadTokens(bad)) => {
                bad.into_iter().map(|b| (b.token, b.reason)).collect()
            }
            other => panic!("expected bad tokens for {input:?}, got {other:?}"),
        }
    }

    #[test]
    fn every_separator_splits() {
        assert_eq!(
            ids("1042, 1043\t1044\n1045,,  1046\r\n"),
            [1042, 1043, 1044, 1045, 1046]
        );
    }

    #[test]
    fn ranges_expand_in_order_typed() {
        assert_eq!(ids("2001 1040-1043 7"), [2001, 1040, 1041, 1042, 1043, 7]);
        assert_eq!(ids("5-5"), [5]);
    }

    #[test]
    fn duplicates_are_dropped_and_counted_keeping_first_position() {
        let list = parse_job_ids("3 1-4 2 3").unwrap();
        assert_eq!(list.ids, [3, 1, 2, 4]);
        assert_eq!(list.duplicates_dropped, 3);
    }

    #[test]
    fn each_bad_token_is_named_with_its_reason() {
        let found = bad("12a, -5, 0, 1045-1040, 9007199254740992, 1-2-3, 7");
        let tokens: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            tokens,
            ["12a", "-5", "0", "1045-1040", "9007199254740992", "1-2-3"]
        );
        assert!(found[0].1.contains("not a whole number"));
        assert!(found[1].1.contains("negative"));
        assert!(found[2].1.contains("zero"));
        assert!(found[3].1.contains("write it as 1040-1045"));
        assert!(found[4].1.contains("9007199254740991"));
    }

    #[test]
    fn safe_integer_limit_is_inclusive() {
        assert_eq!(ids("9007199254740991"), [MAX_SAFE_ID]);
        assert_eq!(
            bad("99999999999999999999999")[0].1,
            "is too large; the largest usable ID is 9007199254740991"
        );
    }

    #[test]
    fn huge_ranges_are_refused_without_expanding() {
        let found = bad("1-99999999");
        assert!(found[0].1.contains("99,999,999 IDs"), "{found:?}");
        assert_eq!(ids("1-100000").len(), MAX_IDS);
    }

    #[test]
    fn too_many_ids_in_total_are_refused() {
        let err = parse_job_ids("1-60000 70001-130000").unwrap_err();
        assert!(matches!(err, JobIdsError::TooMany { .. }));
        assert!(err.to_string().contains("at most 100,000"));
    }

    #[test]
    fn empty_input_says_what_to_enter() {
        assert_eq!(parse_job_ids(" ,\n ").unwrap_err(), JobIdsError::Empty);
        assert!(JobIdsError::Empty
            .to_string()
            .contains("ranges like 1040-1045"));
    }

    #[test]
    fn the_message_names_tokens_and_what_is_allowed() {
        let text = parse_job_ids("12a").unwrap_err().to_string();
        assert!(text.starts_with("“12a” is not a whole number."), "{text}");
        assert!(text.contains(ALLOWED));
    }
}
