//! "Find jobs": what the person asked for (a window, statuses, name and dataset texts), its
//! parameters in the link, and the window it means at a given moment. A relative window ("Last
//! hour") stays relative: the link says `since=1h`, and each opening measures back from its now.

use crate::thousands::group_thousands;

/// The statuses the Status checkboxes offer: the documented ones, in the documentation's order.
pub const STATUSES: [&str; 5] = ["PENDING", "STARTED", "SUCCESS", "FAILURE", "REVOKED"];

/// The longest window a search may cover: the API's list defaults to 30 days, and a longer
/// custom range is more likely a slip than a wish.
pub const MAX_WINDOW_DAYS: u64 = 90;

const HOUR_MS: f64 = 3_600_000.0;
const DAY_MS: f64 = 24.0 * HOUR_MS;

/// The "Since" choice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Since {
    LastHour,
    #[default]
    Last24Hours,
    Last7Days,
    Last30Days,
    /// Two `datetime-local` values as typed (`2026-12-01T09:30`), read in the person's time zone.
    Custom {
        from: String,
        to: String,
    },
}

impl Since {
    /// Every choice but Custom, with its label and link value, in the order offered.
    pub const RELATIVE: [(Since, &'static str, &'static str); 4] = [
        (Since::LastHour, "Last hour", "1h"),
        (Since::Last24Hours, "Last 24 hours", "24h"),
        (Since::Last7Days, "Last 7 days", "7d"),
        (Since::Last30Days, "Last 30 days", "30d"),
    ];

    fn span_ms(&self) -> Option<f64> {
        match self {
            Since::LastHour => Some(HOUR_MS),
            Since::Last24Hours => Some(DAY_MS),
            Since::Last7Days => Some(7.0 * DAY_MS),
            Since::Last30Days => Some(30.0 * DAY_MS),
            Since::Custom { .. } => None,
        }
    }

    /// The choice a link value names; any other value is a custom range from `from` to `to`.
    pub fn from_param(param: &str, from: String, to: String) -> Since {
        match Since::RELATIVE.iter().find(|(.., value)| *value == param) {
            Some((relative, ..)) => relative.clone(),
            None => Since::Custom { from, to },
        }
    }

    /// Its value in the link: `1h`, `24h`, `7d`, `30d` or `custom`.
    pub fn param(&self) -> &'static str {
        Since::RELATIVE
            .iter()
            .find(|(since, ..)| since == self)
            .map_or("custom", |(_, _, param)| param)
    }
}

/// One search of the list endpoint, as the Find jobs tab holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindSearch {
    pub since: Since,
    /// Ticked statuses, in `STATUSES` order; none ticked means all.
    pub statuses: Vec<&'static str>,
    pub name: String,
    pub source: String,
    pub target: String,
}

/// A window in epoch milliseconds, start ≤ end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub from_ms: f64,
    pub to_ms: f64,
}

/// Why a search cannot be sent: the field at fault and what is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindError {
    /// The field's label, as on the form: "From" or "To".
    pub field: &'static str,
    pub message: String,
}

impl FindSearch {
    /// The link's parameter names for a search, beside the grid's view (never the key).
    pub const PARAM_NAMES: [&'static str; 7] = [
        "since", "from", "to", "statuses", "name", "source", "target",
    ];

    /// The search's parameters: only what differs from an empty search, and the custom range's
    /// texts as typed (they mean local time wherever the link is opened).
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = vec![("since", self.since.param().to_string())];
        if let Since::Custom { from, to } = &self.since {
            params.push(("from", from.clone()));
            params.push(("to", to.clone()));
        }
        params.extend(self.filter_params(["statuses", "name", "source", "target"]));
        params
    }

    /// The filters set, under `names` (for the statuses, the name, the source and the target):
    /// the link's names or the API's. Texts are trimmed; blank ones and no statuses are left out.
    pub fn filter_params(&self, names: [&'static str; 4]) -> Vec<(&'static str, String)> {
        let [statuses, name, source, target] = names;
        let ticked = (!self.statuses.is_empty()).then(|| (statuses, self.statuses.join(",")));
        let texts = [
            (name, &self.name),
            (source, &self.source),
            (target, &self.target),
        ]
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(param, text)| (param, text.trim().to_string()));
        ticked.into_iter().chain(texts).collect()
    }

    /// The search in a line, for the folded form: "Last 24 hours · FAILURE · name contains
    /// “orders”".
    pub fn describe(&self) -> String {
        let window = match &self.since {
            Since::Custom { from, to } => format!("{from} to {to}"),
            relative => Since::RELATIVE
                .iter()
                .find(|(since, ..)| since == relative)
                .map_or_else(String::new, |(_, label, _)| label.to_string()),
        };
        let statuses = match self.statuses.is_empty() {
            true => "every status".to_string(),
            false => self.statuses.join(", "),
        };
        let texts = [
            ("name contains", &self.name),
            ("source", &self.source),
            ("target", &self.target),
        ]
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(what, text)| format!("{what} “{}”", text.trim()));
        [window, statuses]
            .into_iter()
            .chain(texts)
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// A search from a link's parameters, or `None` when the link holds none (`since` is what
    /// makes a link a search). Unknown statuses are dropped; names outside the search's are not
    /// its business.
    pub fn from_params<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<Self> {
        let mut search = FindSearch::default();
        let (mut since, mut from, mut to) = (None, String::new(), String::new());
        for (name, value) in params {
            match name {
                "since" => since = Some(value.trim().to_string()),
                "from" => from = value.trim().to_string(),
                "to" => to = value.trim().to_string(),
                "statuses" => search.statuses = ticked(value),
                "name" => search.name = value.to_string(),
                "source" => search.source = value.to_string(),
                "target" => search.target = value.to_string(),
                _ => {}
            }
        }
        let since = since?;
        search.since = Since::from_param(&since, from, to);
        Some(search)
    }

    /// The window the search covers at `now_ms`; a custom range's texts are read by
    /// `parse_local` (the browser's `Date.parse` of a `datetime-local` value, local time).
    pub fn window(
        &self,
        now_ms: f64,
        parse_local: impl Fn(&str) -> Option<f64>,
    ) -> Result<Window, FindError> {
        if let Some(span) = self.since.span_ms() {
            return Ok(Window {
                from_ms: now_ms - span,
                to_ms: now_ms,
            });
        }
        let Since::Custom { from, to } = &self.since else {
            unreachable!("only Custom has no span")
        };
        let read = |field: &'static str, text: &str| {
            let blank = || format!("Enter a date and time for {field}, or choose a window above.");
            let unreadable = || format!("{field} must be a date and time, got {text:?}.");
            match text.trim() {
                "" => Err(FindError {
                    field,
                    message: blank(),
                }),
                text => parse_local(text).ok_or_else(|| FindError {
                    field,
                    message: unreadable(),
                }),
            }
        };
        let (from_ms, to_ms) = (read("From", from)?, read("To", to)?);
        if to_ms < from_ms {
            let message =
                format!("To ({to}) is before From ({from}): the end must come after the start.");
            return Err(FindError {
                field: "To",
                message,
            });
        }
        let days = (to_ms - from_ms) / DAY_MS;
        if days > MAX_WINDOW_DAYS as f64 {
            let message = format!(
                "The range from {from} to {to} covers {} days; at most {MAX_WINDOW_DAYS} are allowed.",
                group_thousands(days.ceil() as u64)
            );
            return Err(FindError {
                field: "To",
                message,
            });
        }
        Ok(Window { from_ms, to_ms })
    }
}

/// `FAILURE, pending,x` → the documented statuses named, in `STATUSES` order, each once.
fn ticked(list: &str) -> Vec<&'static str> {
    let named: Vec<String> = list
        .split(',')
        .map(|s| s.trim().to_ascii_uppercase())
        .collect();
    STATUSES
        .into_iter()
        .filter(|status| named.iter().any(|n| n == status))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-12-01T12:00:00Z.
    const NOW: f64 = 1_796_126_400_000.0;

    /// A stand-in for `Date.parse` of a `datetime-local` value: day N of December 2026, at noon.
    fn fake_local(text: &str) -> Option<f64> {
        let day: f64 = text.strip_prefix("2026-12-")?.get(..2)?.parse().ok()?;
        Some(NOW + (day - 1.0) * DAY_MS)
    }

    fn custom(from: &str, to: &str) -> FindSearch {
        FindSearch {
            since: Since::Custom {
                from: from.into(),
                to: to.into(),
            },
            ..FindSearch::default()
        }
    }

    #[test]
    fn a_relative_search_round_trips_through_the_link_and_stays_relative() {
        let search = FindSearch {
            since: Since::LastHour,
            statuses: vec!["SUCCESS", "FAILURE"],
            name: " orders ".into(),
            source: "prod.orders".into(),
            target: String::new(),
        };
        let params = search.to_params();
        assert_eq!(
            params,
            [
                ("since", "1h".to_string()),
                ("statuses", "SUCCESS,FAILURE".to_string()),
                ("name", "orders".to_string()),
                ("source", "prod.orders".to_string()),
            ]
        );
        let back = FindSearch::from_params(params.iter().map(|(k, v)| (*k, v.as_str()))).unwrap();
        assert_eq!(back.since, Since::LastHour);
        assert_eq!(back.statuses, ["SUCCESS", "FAILURE"]);
        assert_eq!(
            back.describe(),
            "Last hour · SUCCESS, FAILURE · name contains “orders” · source “prod.orders”"
        );
        assert_eq!(
            custom("2026-12-02T09:30", "2026-12-03T10:00").describe(),
            "2026-12-02T09:30 to 2026-12-03T10:00 · every status"
        );
        // Opened later, it measures back from the later now.
        let later = NOW + 5.0 * HOUR_MS;
        let window = back.window(later, fake_local).unwrap();
        assert_eq!(
            window,
            Window {
                from_ms: later - HOUR_MS,
                to_ms: later
            }
        );
    }

    #[test]
    fn a_custom_range_keeps_its_texts_and_a_link_without_since_is_no_search() {
        let search = custom("2026-12-02T09:30", "2026-12-04T18:00");
        let params = search.to_params();
        assert_eq!(params[0], ("since", "custom".to_string()));
        let back = FindSearch::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, Some(search));
        assert_eq!(
            FindSearch::from_params([("ids", "1-3"), ("name", "x")]),
            None
        );
        let odd =
            FindSearch::from_params([("since", "2w"), ("statuses", "failure, BOGUS,pending")]);
        let odd = odd.unwrap();
        assert_eq!(
            odd.statuses,
            ["PENDING", "FAILURE"],
            "documented ones only, in order"
        );
        assert!(
            matches!(odd.since, Since::Custom { .. }),
            "an unknown window is a custom one"
        );
    }

    #[test]
    fn bad_ranges_name_the_field_and_what_is_allowed() {
        let window = custom("2026-12-02T09:30", "2026-12-04T18:00").window(NOW, fake_local);
        assert_eq!(window.unwrap().to_ms - NOW, 3.0 * DAY_MS);
        let backwards = custom("2026-12-04T09:30", "2026-12-02T18:00").window(NOW, fake_local);
        let error = backwards.unwrap_err();
        assert_eq!(error.field, "To");
        assert!(
            error.message.contains("before From (2026-12-04T09:30)"),
            "{}",
            error.message
        );
        let blank = custom("", "2026-12-02T18:00")
            .window(NOW, fake_local)
            .unwrap_err();
        assert_eq!(blank.field, "From");
        assert!(blank.message.starts_with("Enter a date and time for From"));
        let unreadable = custom("2026-12-02T09:30", "soon")
            .window(NOW, fake_local)
            .unwrap_err();
        assert_eq!(
            unreadable.message,
            "To must be a date and time, got \"soon\"."
        );
        let wide =
            |to: f64| custom("x", "y").window(NOW, |t: &str| Some(if t == "x" { NOW } else { to }));
        assert!(
            wide(NOW + 90.0 * DAY_MS).is_ok(),
            "90 days exactly are allowed"
        );
        let too_wide = wide(NOW + 120.0 * DAY_MS).unwrap_err();
        assert!(
            too_wide.message.contains("covers 120 days; at most 90"),
            "{}",
            too_wide.message
        );
    }
}
