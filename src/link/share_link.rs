//! The share link: job IDs (compacted to ranges), base URL and workspace in the query string,
//! and the grid's view (sort, filters, search) beside them. Never the API key.

use crate::find::search::FindSearch;
use crate::jobs::view_state::ViewState;

/// What a share link carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedView {
    /// The Job IDs box, compacted: `1040-1049,2001`.
    pub ids: String,
    pub base_url: String,
    pub workspace_id: String,
    /// The Find jobs search whose jobs the link shows, in place of IDs.
    pub search: Option<FindSearch>,
}

impl SharedView {
    /// A link with neither IDs nor a search is not a link to anything.
    pub fn names_jobs(&self) -> bool {
        !self.ids.trim().is_empty() || self.search.is_some()
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

impl SharedView {
    /// The link's query parameters, `ids`, `base`, `workspace`, in that order, then the search's;
    /// empty fields are left out. The browser encodes them (`page_location`).
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let search = self.search.iter().flat_map(FindSearch::to_params);
        let mut params: Vec<(&'static str, String)> = [
            ("ids", &self.ids),
            ("base", &self.base_url),
            ("workspace", &self.workspace_id),
        ]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(key, value)| (key, value.trim().to_string()))
        .collect();
        params.extend(search);
        params
    }

    /// The view a link's decoded query parameters describe; unknown parameters are ignored, and a
    /// `key` parameter above all.
    pub fn from_params<'a>(
        params: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
    ) -> SharedView {
        let mut view = SharedView {
            search: FindSearch::from_params(params.clone()),
            ..SharedView::default()
        };
        for (key, value) in params {
            match key {
                "ids" => view.ids = value.to_string(),
                "base" => view.base_url = value.to_string(),
                "workspace" => view.workspace_id = value.to_string(),
                _ => {}
            }
        }
        view
    }
}

/// Everything a page link says, and what in it could not be used.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageLink {
    pub shared: SharedView,
    pub view: ViewState,
    /// Parameters ignored, as `name=value` for a value that cannot be used and `name` for a
    /// parameter the page does not know (the value of `key`, say, is never repeated).
    pub ignored: Vec<String>,
}

const SHARED_NAMES: [&str; 3] = ["ids", "base", "workspace"];

/// Reads a link's decoded query parameters.
pub fn read_link<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)> + Clone) -> PageLink {
    let shared = SharedView::from_params(params.clone());
    let (view, bad) = ViewState::from_params(params.clone());
    let mut ignored: Vec<String> = bad
        .into_iter()
        .map(|p| format!("{}={}", p.name, p.value))
        .collect();
    for (name, _) in params {
        let known = SHARED_NAMES.contains(&name)
            || FindSearch::PARAM_NAMES.contains(&name)
            || ViewState::PARAM_NAMES.contains(&name);
        if !known && !ignored.iter().any(|i| i == name) {
            ignored.push(name.to_string());
        }
    }
    PageLink {
        shared,
        view,
        ignored,
    }
}

/// The link for a set and a view of it: the set's parameters, then the view's.
pub fn link_params(shared: &SharedView, view: &ViewState) -> Vec<(&'static str, String)> {
    let mut params = shared.to_params();
    params.extend(view.to_params());
    params
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
    fn a_view_round_trips_through_its_parameters() {
        let view = SharedView {
            ids: "1040-1049,2001".into(),
            base_url: " https://dc.example.com/api/v1 ".into(),
            workspace_id: "8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10".into(),
            search: None,
        };
        let params = view.to_params();
        assert_eq!(
            params,
            [
                ("ids", "1040-1049,2001".to_string()),
                ("base", "https://dc.example.com/api/v1".to_string()),
                (
                    "workspace",
                    "8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10".to_string()
                )
            ]
        );
        let back = SharedView::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back.base_url, "https://dc.example.com/api/v1");
        assert_eq!((back.ids, back.workspace_id), (view.ids, view.workspace_id));
    }

    #[test]
    fn empty_fields_stay_out_of_the_link_and_unknown_ones_are_ignored() {
        let view = SharedView {
            ids: "7".into(),
            ..SharedView::default()
        };
        assert_eq!(view.to_params(), [("ids", "7".to_string())]);
        assert!(SharedView::default().to_params().is_empty());
        let read = SharedView::from_params([("key", "secret"), ("ids", "1,2 3"), ("other", "x")]);
        assert_eq!(read.ids, "1,2 3");
        assert_eq!(
            (read.base_url.as_str(), read.workspace_id.as_str()),
            ("", "")
        );
    }

    #[test]
    fn a_page_link_holds_the_set_and_the_view_and_names_what_it_ignored() {
        let link = read_link([
            ("ids", "1-3"),
            ("sort", "-duration"),
            ("key", "secret"),
            ("sort", "bogus"),
            ("q", "orders"),
        ]);
        assert_eq!(link.shared.ids, "1-3");
        assert_eq!(link.view.search, "orders");
        assert_eq!(link.view.sort.map(|s| s.column().key), Some("duration"));
        assert_eq!(link.ignored, ["sort=bogus", "key"]);
        let params = link_params(&link.shared, &link.view);
        let names: Vec<&str> = params.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["ids", "sort", "q"]);
    }

    #[test]
    fn a_search_link_holds_the_search_and_never_the_key() {
        let link = read_link([
            ("since", "24h"),
            ("statuses", "FAILURE"),
            ("name", "orders"),
            ("workspace", "ws"),
            ("key", "secret"),
        ]);
        assert!(link.shared.names_jobs() && link.shared.ids.is_empty());
        assert_eq!(link.ignored, ["key"]);
        let params = link_params(&link.shared, &link.view);
        let names: Vec<&str> = params.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["workspace", "since", "statuses", "name"]);
        assert!(!read_link([("sort", "-id")]).shared.names_jobs());
    }
}
