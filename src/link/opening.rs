//! Opening a link that names jobs: whether they load at once, and what to tell the person. A
//! link is anyone's to craft, so a known key goes unasked only to the instance it was last used
//! with.

use super::share_link::PageLink;
use crate::input::endpoint::{api_root, same_api};
use crate::input::form_input::Field;

/// What opening a link with IDs does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opening {
    /// No key is known: the key field asks for it.
    AskForKey,
    /// The link points at another instance than the key was last used with: the person checks
    /// the base URL and presses Fetch jobs themselves.
    CheckInstance { target: String },
    /// The key is known and goes where it went before: the jobs load at once.
    Load,
}

impl Opening {
    /// The rule, from the key in the form, the link's base URL and the one last used.
    pub fn decide(key: &str, base_url: &str, last_base_url: &str, page_origin: &str) -> Opening {
        if key.trim().is_empty() {
            Opening::AskForKey
        } else if !same_api(base_url, last_base_url, page_origin) {
            let target = api_root(base_url, page_origin).unwrap_or_else(|_| base_url.to_string());
            Opening::CheckInstance { target }
        } else {
            Opening::Load
        }
    }

    /// What to say and which field to focus, when the jobs do not load at once.
    pub fn notice(&self) -> Option<(String, Field)> {
        match self {
            Opening::AskForKey => Some((
                "Paste your API key to load the jobs in this link (links never carry the key)."
                    .into(),
                Field::ApiKey,
            )),
            Opening::CheckInstance { target } => Some((
                format!(
                    "This link points at {target}, not the instance your key was last used with. \
                     Check the API base URL, then press Fetch jobs: the key is sent only when you do."
                ),
                Field::BaseUrl,
            )),
            Opening::Load => None,
        }
    }
}

/// A quiet word about link parameters that were not used, if any.
pub fn ignored_notice(link: &PageLink) -> Option<String> {
    (!link.ignored.is_empty()).then(|| {
        format!(
            "Not used from this link: {}. The jobs and the rest of the view are shown as usual.",
            link.ignored.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://viewer.example.com";

    #[test]
    fn a_known_key_goes_unasked_only_to_the_instance_it_was_used_with() {
        let decide = |key, base, last| Opening::decide(key, base, last, PAGE);
        assert_eq!(decide(" ", "", ""), Opening::AskForKey);
        assert_eq!(decide("k", "", ""), Opening::Load);
        assert_eq!(
            decide(
                "k",
                "https://DC.example.com/api/v1",
                "https://dc.example.com"
            ),
            Opening::Load
        );
        let elsewhere = decide("k", "https://evil.example", "https://dc.example.com");
        assert_eq!(
            elsewhere,
            Opening::CheckInstance {
                target: "https://evil.example/api/v1".into()
            }
        );
        let (text, field) = elsewhere.notice().unwrap();
        assert!(text.starts_with("This link points at https://evil.example/api/v1, not"));
        assert_eq!(field, Field::BaseUrl);
        assert_eq!(
            decide("k", "not a url", "").notice().unwrap().1,
            Field::BaseUrl
        );
        assert_eq!(Opening::AskForKey.notice().unwrap().1, Field::ApiKey);
        assert_eq!(Opening::Load.notice(), None);
    }

    #[test]
    fn unused_parameters_are_named_before_the_rest() {
        let link = PageLink {
            ignored: vec!["key".into(), "sort=bogus".into()],
            ..PageLink::default()
        };
        let ignored = ignored_notice(&link);
        assert_eq!(
            ignored.as_deref(),
            Some("Not used from this link: key, sort=bogus. The jobs and the rest of the view are shown as usual.")
        );
        assert_eq!(ignored_notice(&PageLink::default()), None);
    }
}
