//! Command-line flags of the demo server. Hand-parsed: a dozen flags do not justify clap's build time.

use std::collections::HashSet;
use std::path::PathBuf;

/// The API key that has the `read:job` scope in the demo workspace.
pub const DEMO_KEY: &str = "demo-key";
/// A valid key that lacks `read:job`: every jobs call answers 403.
pub const DEMO_KEY_WITHOUT_READ: &str = "demo-key-no-read";
/// The one workspace the demo data lives in.
pub const DEMO_WORKSPACE: &str = "8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10";
/// The largest data set the demo will generate (the benchmark's upper bound).
pub const MAX_JOBS: u64 = 100_000;

pub const USAGE: &str = "\
demo-api: a local stand-in for the Datachecks jobs API

Usage: demo-api [FLAGS]

  --port N              port to listen on (default 8080; 0 picks a free one)
  --host ADDR           address to bind (default 127.0.0.1)
  --dist DIR            also serve this built site (trunk's dist/) on the same port
  --dist-path PATH      where on the server the site is served (default /; e.g. /viewer/)
  --jobs N              how many seeded jobs, 300 by default, up to 100000 (IDs start at 1001)
  --batch-limit N       most IDs one details request may carry (default 500; more answers 422)
  --no-cors             answer without CORS headers, like an instance that does not allow this origin

Faults (for tests and demos):
  --latency-ms N        wait N ms before answering every API request
  --force-status S      answer every API request with status S (429 adds Retry-After)
  --fail-first N        with --force-status: only the first N API requests fail, then the server recovers
  --error-rate F        answer a fraction F (0..1) of API requests with --error-status, chosen by a seeded generator
  --error-status S      the status used by --error-rate and --fail-ids (default 503)
  --fail-ids LIST       details requests that ask for any of these IDs (e.g. 1100-1199,1300) fail with --error-status
  --retry-after SECS    the Retry-After value sent with 429 (default 2)
  --malformed-json      details answer 200 with a body that is not valid JSON
  --wrong-shape         details answer 200 with JSON whose data is not a list of jobs
  --broken-items        details add job objects that cannot be read at all
  --help                this text
";

#[derive(Clone, Debug)]
pub struct Config {
    pub host: String,
    pub port: u16,
    pub dist: Option<PathBuf>,
    /// The path the site is served under, always starting and ending with '/'.
    pub dist_path: String,
    pub jobs: u64,
    pub batch_limit: usize,
    pub cors: bool,
    pub latency_ms: u64,
    pub force_status: Option<u16>,
    pub fail_first: Option<u64>,
    pub error_rate: f64,
    pub error_status: u16,
    pub fail_ids: HashSet<u64>,
    pub retry_after_secs: u64,
    pub malformed_json: bool,
    pub wrong_shape: bool,
    pub broken_items: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            host: "127.0.0.1".into(),
            port: 8080,
            dist: None,
            dist_path: "/".into(),
            jobs: 300,
            batch_limit: 500,
            cors: true,
            latency_ms: 0,
            force_status: None,
            fail_first: None,
            error_rate: 0.0,
            error_status: 503,
            fail_ids: HashSet::new(),
            retry_after_secs: 2,
            malformed_json: false,
            wrong_shape: false,
            broken_items: false,
        }
    }
}

/// What the command line asked for: run with a config, or print the usage.
pub enum Command {
    Run(Config),
    Help,
}

pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut config = Config::default();
    let mut args = args.into_iter();
    while let Some(flag) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match flag.as_str() {
            "--help" | "-h" => return Ok(Command::Help),
            "--port" => config.port = number(&flag, &value(&flag)?)?,
            "--host" => config.host = value(&flag)?,
            "--dist" => config.dist = Some(PathBuf::from(value(&flag)?)),
            "--dist-path" => {
                let path = value(&flag)?;
                config.dist_path = format!("/{}/", path.trim_matches('/')).replace("//", "/");
            }
            "--jobs" => {
                config.jobs = number(&flag, &value(&flag)?)?;
                if config.jobs == 0 || config.jobs > MAX_JOBS {
                    return Err(format!("--jobs must be between 1 and {MAX_JOBS}"));
                }
            }
            "--batch-limit" => config.batch_limit = number(&flag, &value(&flag)?)?,
            "--no-cors" => config.cors = false,
            "--latency-ms" => config.latency_ms = number(&flag, &value(&flag)?)?,
            "--force-status" => config.force_status = Some(status(&flag, &value(&flag)?)?),
            "--fail-first" => config.fail_first = Some(number(&flag, &value(&flag)?)?),
            "--error-rate" => {
                config.error_rate = number(&flag, &value(&flag)?)?;
                if !(0.0..=1.0).contains(&config.error_rate) {
                    return Err("--error-rate must be between 0 and 1".into());
                }
            }
            "--error-status" => config.error_status = status(&flag, &value(&flag)?)?,
            "--fail-ids" => config.fail_ids = id_list(&value(&flag)?)?,
            "--retry-after" => config.retry_after_secs = number(&flag, &value(&flag)?)?,
            "--malformed-json" => config.malformed_json = true,
            "--wrong-shape" => config.wrong_shape = true,
            "--broken-items" => config.broken_items = true,
            other => return Err(format!("unknown flag {other:?} (see --help)")),
        }
    }
    Ok(Command::Run(config))
}

fn number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{flag} takes a number, got {text:?}"))
}

fn status(flag: &str, text: &str) -> Result<u16, String> {
    let code: u16 = number(flag, text)?;
    if (100..=599).contains(&code) {
        Ok(code)
    } else {
        Err(format!(
            "{flag} takes an HTTP status from 100 to 599, got {code}"
        ))
    }
}

/// `1100-1199,1300` → the set of those IDs.
fn id_list(text: &str) -> Result<HashSet<u64>, String> {
    let mut ids = HashSet::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || format!("--fail-ids takes IDs and ranges like 1100-1199,1300, got {part:?}");
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
        match parse_args(args.iter().map(|s| s.to_string()))? {
            Command::Run(config) => Ok(config),
            Command::Help => Err("help".into()),
        }
    }

    #[test]
    fn defaults_and_flags() {
        let c = run(&[]).unwrap();
        assert_eq!(
            (c.port, c.jobs, c.batch_limit, c.cors),
            (8080, 300, 500, true)
        );
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
        assert!(run(&["--fail-ids", "9-5"]).unwrap_err().contains("9-5"));
        assert!(run(&["--bogus"]).unwrap_err().contains("--bogus"));
        assert!(run(&["--port"]).unwrap_err().contains("needs a value"));
    }
}
