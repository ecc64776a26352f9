//! Command-line flags of the demo server, parsed by clap.

use std::collections::HashSet;
use std::path::PathBuf;

use clap::Parser;

/// The API key that has the `read:job` scope in the demo workspace.
pub const DEMO_KEY: &str = "demo-key";
/// A valid key that lacks `read:job`: every jobs call answers 403.
pub const DEMO_KEY_WITHOUT_READ: &str = "demo-key-no-read";
/// The one workspace the demo data lives in.
pub const DEMO_WORKSPACE: &str = "8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10";
/// The largest data set the demo will generate (the benchmark's upper bound).
pub const MAX_JOBS: u64 = 100_000;

/// demo-api: a local stand-in for the Datachecks jobs API, with seeded data and fault injection.
#[derive(Clone, Debug, Parser)]
#[command(name = "demo-api", version, about)]
pub struct Config {
    /// Address to bind
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0 picks a free one)
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Also serve this built site (trunk's dist/) on the same port
    #[arg(long, value_name = "DIR")]
    pub dist: Option<PathBuf>,
    /// Where on the server the site is served, e.g. /viewer/
    #[arg(long, value_name = "PATH", default_value = "/", value_parser = dist_path)]
    pub dist_path: String,
    /// How many seeded jobs (IDs start at 1001)
    #[arg(long, value_name = "N", default_value_t = 300,
          value_parser = clap::value_parser!(u64).range(1..=MAX_JOBS))]
    pub jobs: u64,
    /// The instant the seeded jobs are laid out back from (the newest created a minute before,
    /// the oldest 30 days before; 1001, 1002 and 1042 stay in January 2025), ISO 8601 such as
    /// 2026-12-01T12:00:00Z, for fixed times in tests; without it, the server's start
    #[arg(long, value_name = "INSTANT", value_parser = instant)]
    pub now: Option<i64>,
    /// Most IDs one details request may carry; more answers 422
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub batch_limit: usize,
    /// List pages hold at most N jobs, whatever `size` asks (the answer says the size used),
    /// like an instance with smaller pages: a search then needs several
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub list_page_limit: Option<u64>,
    /// Run the live jobs' clock (1020-1024 move from PENDING to STARTED to SUCCESS or FAILURE
    /// within 100 s) this many times faster: 20 has them all finished in 5 s
    #[arg(long, value_name = "F", default_value_t = 1.0, value_parser = speed)]
    pub clock_speed: f64,
    /// Seed 1020-1024 as the other jobs are seeded: the data set then never changes while the
    /// server runs, for tests that compare what a client found with what the server lists
    #[arg(long = "no-live-jobs", action = clap::ArgAction::SetFalse)]
    pub live_jobs: bool,
    /// Answer without CORS headers, like an instance that does not allow this origin
    #[arg(long = "no-cors", action = clap::ArgAction::SetFalse)]
    pub cors: bool,
    /// Send none of the hosting headers (CSP, X-Frame-Options, …), like a host that cannot:
    /// what the page does then on its own is tested with it
    #[arg(long = "no-security-headers", action = clap::ArgAction::SetFalse)]
    pub security_headers: bool,

    /// Wait this long before answering every API request
    #[arg(long, value_name = "MS", default_value_t = 0, help_heading = "Faults")]
    pub latency_ms: u64,
    /// Answer every API request with this status (429 and 503 add Retry-After)
    #[arg(long, value_name = "S", value_parser = http_status, help_heading = "Faults")]
    pub force_status: Option<u16>,
    /// With --force-status, only the first N API requests fail, then the server recovers
    #[arg(long, value_name = "N", help_heading = "Faults")]
    pub fail_first: Option<u64>,
    /// Every API request after the first N answers --error-status: the first fetch works, the
    /// refreshes that follow fail
    #[arg(long, value_name = "N", help_heading = "Faults")]
    pub fail_after: Option<u64>,
    /// Answer a seeded fraction F (0 to 1) of API requests with --error-status
    #[arg(long, value_name = "F", default_value_t = 0.0, value_parser = fraction,
          help_heading = "Faults")]
    pub error_rate: f64,
    /// The status --error-rate, --fail-ids and --fail-after answer with
    #[arg(long, value_name = "S", default_value_t = 503, value_parser = http_status,
          help_heading = "Faults")]
    pub error_status: u16,
    /// Details requests asking for any of these IDs (e.g. 1100-1199,1300), their diff details
    /// and list pages holding them fail with --error-status
    #[arg(long, value_name = "LIST", default_value = "", value_parser = id_list,
          hide_default_value = true, help_heading = "Faults")]
    pub fail_ids: HashSet<u64>,
    /// At most N API requests a second (a token bucket holding a second's worth); beyond it,
    /// 429 with the Retry-After that the next token needs
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..),
          help_heading = "Faults")]
    pub rate_limit: Option<u32>,
    /// Details requests for more than N IDs answer 413 Payload Too Large
    #[arg(long, value_name = "N", help_heading = "Faults")]
    pub max_batch: Option<usize>,
    /// 503 in bursts: P seconds after the start (or POST /log/reset) and every P seconds after,
    /// for --outage-secs, every API request answers 503 with the Retry-After the outage has left
    #[arg(long, value_name = "P", value_parser = clap::value_parser!(u64).range(1..),
          help_heading = "Faults")]
    pub outage_every: Option<u64>,
    /// How long each --outage-every burst lasts
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 2,
        help_heading = "Faults"
    )]
    pub outage_secs: u64,
    /// The Retry-After value sent with 429 and 503
    #[arg(
        long = "retry-after",
        value_name = "SECS",
        default_value_t = 2,
        help_heading = "Faults"
    )]
    pub retry_after_secs: u64,
    /// Details, diff details and the list answer 200 with a body that is not valid JSON
    #[arg(long, help_heading = "Faults")]
    pub malformed_json: bool,
    /// Details, diff details and the list answer 200 with JSON whose data has the wrong shape
    #[arg(long, help_heading = "Faults")]
    pub wrong_shape: bool,
    /// Details and the list add items that cannot be read at all; diff details add such a row
    #[arg(long, help_heading = "Faults")]
    pub broken_items: bool,
    /// Job ID's diff details answer this status, or a body that is not JSON: 1002=403,
    /// 1009=malformed (repeatable; the details call is untouched)
    #[arg(long = "diff-fault", value_name = "ID=STATUS", value_parser = diff_fault,
          action = clap::ArgAction::Append, help_heading = "Faults")]
    pub diff_faults: Vec<(u64, DiffFault)>,
}

/// What `--diff-fault` makes one job's diff-details call answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFault {
    Status(u16),
    /// 200 with a body that is not JSON.
    Malformed,
}

fn diff_fault(text: &str) -> Result<(u64, DiffFault), String> {
    let bad = || format!("takes ID=STATUS or ID=malformed, like 1002=403, got {text:?}");
    let (id, what) = text.split_once('=').ok_or_else(bad)?;
    let id = id.trim().parse().map_err(|_| bad())?;
    let fault = match what.trim() {
        "malformed" => DiffFault::Malformed,
        status => DiffFault::Status(http_status(status).map_err(|_| bad())?),
    };
    Ok((id, fault))
}

impl Config {
    /// What clap cannot check alone: flags that only make sense together.
    pub fn check(&self) -> Result<(), String> {
        match self.outage_every {
            Some(every) if self.outage_secs >= every => Err(format!(
                "--outage-secs {} must be shorter than --outage-every {every}, or the server is always down",
                self.outage_secs
            )),
            _ => Ok(()),
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::parse_from(["demo-api"])
    }
}

/// `viewer`, `/viewer`, `/viewer/` → `/viewer/`: always starting and ending with '/'.
fn dist_path(text: &str) -> Result<String, String> {
    Ok(format!("/{}/", text.trim_matches('/')).replace("//", "/"))
}

fn http_status(text: &str) -> Result<u16, String> {
    match text.parse::<u16>() {
        Ok(code) if (100..=599).contains(&code) => Ok(code),
        _ => Err(format!(
            "takes an HTTP status from 100 to 599, got {text:?}"
        )),
    }
}

fn fraction(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(f) if (0.0..=1.0).contains(&f) => Ok(f),
        _ => Err(format!("takes a number from 0 to 1, got {text:?}")),
    }
}

fn speed(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(f) if f > 0.0 && f.is_finite() => Ok(f),
        _ => Err(format!("takes a number above 0, got {text:?}")),
    }
}

/// An ISO 8601 instant → seconds since the epoch.
fn instant(text: &str) -> Result<i64, String> {
    crate::data::parse_iso8601(text).ok_or_else(|| {
        format!("takes an ISO 8601 instant such as 2026-12-01T12:00:00Z, got {text:?}")
    })
}

/// `1100-1199,1300` → the set of those IDs.
fn id_list(text: &str) -> Result<HashSet<u64>, String> {
    let mut ids = HashSet::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || format!("takes IDs and ranges like 1100-1199,1300, got {part:?}");
        match part.split_once('-') {
            Some((from, to)) => {
                let from: u64 = from.trim().parse().map_err(|_| bad())?;
                let to: u64 = to.trim().parse().map_err(|_| bad())?;
                if to < from || to - from > MAX_JOBS {
                    return Err(bad());
                }
                ids.extend(from..=to);
            }
            None => {
                ids.insert(part.parse().map_err(|_| bad())?);
            }
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Config, String> {
        Config::try_parse_from(std::iter::once("demo-api").chain(args.iter().copied()))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn defaults_and_flags() {
        let c = run(&[]).unwrap();
        assert!(c.live_jobs && !run(&["--no-live-jobs"]).unwrap().live_jobs);
        assert_eq!(
            (c.port, c.jobs, c.batch_limit, c.cors, c.error_status),
            (8080, 300, 500, true, 503)
        );
        assert!(c.fail_ids.is_empty());
        let c = run(&[
            "--port",
            "0",
            "--fail-ids",
            "5-7, 9",
            "--force-status",
            "429",
            "--no-cors",
        ])
        .unwrap();
        assert_eq!(c.port, 0);
        assert_eq!(c.fail_ids, HashSet::from([5, 6, 7, 9]));
        assert_eq!(c.force_status, Some(429));
        assert!(!c.cors);
        assert_eq!(run(&[]).unwrap().dist_path, "/");
        assert_eq!(
            run(&["--dist-path", "viewer"]).unwrap().dist_path,
            "/viewer/"
        );
        assert_eq!(run(&["--dist-path", "/a/b/"]).unwrap().dist_path, "/a/b/");
    }

    #[test]
    fn bad_flags_are_named() {
        assert!(run(&["--jobs", "200000"]).unwrap_err().contains("--jobs"));
        assert!(run(&["--force-status", "abc"])
            .unwrap_err()
            .contains("\"abc\""));
        assert!(run(&["--error-rate", "2"])
            .unwrap_err()
            .contains("--error-rate"));
        assert!(run(&["--fail-ids", "9-5"]).unwrap_err().contains("9-5"));
        assert!(run(&["--bogus"]).unwrap_err().contains("--bogus"));
        assert!(run(&["--port"]).unwrap_err().contains("--port"));
        assert!(run(&["--now", "soon"]).unwrap_err().contains("--now"));
    }

    #[test]
    fn now_is_the_start_unless_given() {
        assert_eq!(run(&[]).unwrap().now, None);
        let c = run(&["--now", "2026-12-01T12:00:00Z"]).unwrap();
        assert_eq!(c.now, Some(1_796_126_400));
    }
}
