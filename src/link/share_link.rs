//! The share link: job IDs (compacted to ranges), base URL and workspace in the query string.
//! Never the API key.

/// What a share link carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedView {
    /// The Job IDs box, compacted: `1040-1049,2001`.
    pub ids: String,
    pub base_url: String,
    pub workspace_id: String,
}

impl SharedView {
    /// A link with no IDs is not a link to anything.
    pub fn has_ids(&self) -> bool {
        !self.ids.trim().is_empty()
    }
}

/// Shortest readable form of an ID list, keeping the order: ascending runs of three or more
/// consecutive IDs become `from-to`.
pub fn compact_ranges(ids: &[u64]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let mut j = i;
        while j + 1 < ids.len() && ids[j + 1] == ids[j] + 1 {
            j += 1;
        }
        if j - i >= 2 {
            parts.push(format!("{}-{}", ids[i], ids[j]));
        } else {
            parts.extend(ids[i..=j].iter().map(u64::to_string));
        }
        i = j + 1;
    }
    parts.join(",")
}

/// `?ids=1040-1049,2001&base=https://dc.example.com&workspace=…`: empty fields are left out.
pub fn encode_query(view: &SharedView) -> String {
    let pairs: Vec<String> = [
        ("ids", &view.ids),
        ("base", &view.base_url),
        ("workspace", &view.workspace_id),
    ]
    .into_iter()
    .filter(|(_, value)| !value.trim().is_empty())
    .map(|(key, value)| format!("{key}={}", percent_encode(value.trim())))
    .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// Reads `location.search`; unknown parameters are ignored, and a `key` parameter above all.
pub fn decode_query(search: &str) -> SharedView {
    let mut view = SharedView::default();
    for pair in search.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(value);
        match key {
            "ids" => view.ids = value,
            "base" => view.base_url = value,
            "workspace" => view.workspace_id = value,
            _ => {}
        }
    }
    view
}

/// Query-value encoding that leaves URLs and ID lists readable (`: / , -` stay as they are).
fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b','
            | b':'
            | b'/' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_compact_to_ranges_in_the_order_given() {
        let mut ids: Vec<u64> = (1040..=1049).collect();
        ids.push(2001);
        assert_eq!(compact_ranges(&ids), "1040-1049,2001");
        assert_eq!(compact_ranges(&[5, 6, 9, 3, 4, 5]), "5,6,9,3-5");
        assert_eq!(compact_ranges(&[3, 2, 1]), "3,2,1");
        assert_eq!(compact_ranges(&[]), "");
    }

    #[test]
    fn a_view_round_trips_through_the_query() {
        let view = SharedView {
            ids: "1040-1049,2001".into(),
            base_url: "https://dc.example.com/api/v1?x=1&y=2 z".into(),
            workspace_id: "8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10".into(),
        };
        let query = encode_query(&view);
        assert!(query.starts_with(
            "?ids=1040-1049,2001&base=https://dc.example.com/api/v1%3Fx%3D1%26y%3D2%20z&workspace="
        ));
        assert_eq!(decode_query(&query), view);
    }

    #[test]
    fn empty_fields_stay_out_of_the_link() {
        let view = SharedView {
            ids: "7".into(),
            ..SharedView::default()
        };
        assert_eq!(encode_query(&view), "?ids=7");
        assert_eq!(encode_query(&SharedView::default()), "");
    }

    #[test]
    fn odd_queries_decode_without_surprises() {
        let view = decode_query("?key=secret&ids=1%2C2+3&base=%zz&workspace");
        assert_eq!(view.ids, "1,2 3");
        assert_eq!(view.base_url, "%zz");
        assert_eq!(view.workspace_id, "");
        assert_eq!(decode_query("?ids=%E6%97%A5").ids, "日");
        assert_eq!(decode_query("").ids, "");
        assert_eq!(decode_query("?ids=%").ids, "%");
        assert_eq!(decode_query("?ids=%é1").ids, "%é1");
    }
}
