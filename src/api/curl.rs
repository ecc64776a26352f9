//! "Copy as curl": the page's two requests for one job as commands to paste into a shell. The key
//! is `$DATACHECKS_API_KEY` (set it first), never the key itself; everything else is shell-quoted.

use std::borrow::Cow;

/// The Authorization header, left for the shell to fill in: double quotes so `$` expands.
const AUTHORIZATION: &str = "\"Authorization: Bearer $DATACHECKS_API_KEY\"";

fn quoted(text: &str) -> String {
    // Only a NUL byte cannot be quoted; no URL or workspace ID holds one.
    shlex::try_quote(text).map_or_else(|_| "''".to_string(), Cow::into_owned)
}

/// `POST {details_url}` for this one job, as the page sends it.
pub fn details_command(details_url: &str, workspace_id: &str, id: u64) -> String {
    format!(
        "curl -X POST {} \\\n  -H {AUTHORIZATION} \\\n  -H {} \\\n  -H 'Content-Type: application/json' \\\n  --data '[{id}]'",
        quoted(details_url),
        quoted(&format!("Workspace-Id: {workspace_id}")),
    )
}

/// `GET {diff_url}`, as the page sends it.
pub fn diff_details_command(diff_url: &str, workspace_id: &str) -> String {
    format!(
        "curl {} \\\n  -H {AUTHORIZATION} \\\n  -H {}",
        quoted(diff_url),
        quoted(&format!("Workspace-Id: {workspace_id}")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_left_to_the_shell_and_the_rest_is_quoted() {
        let command = details_command(
            "https://dc.example/api/v1/jobs/comparison/details",
            "w s",
            1042,
        );
        assert!(command
            .starts_with("curl -X POST https://dc.example/api/v1/jobs/comparison/details \\\n"));
        assert!(command.contains("-H \"Authorization: Bearer $DATACHECKS_API_KEY\""));
        assert!(command.contains("-H 'Workspace-Id: w s'"));
        assert!(command.ends_with("--data '[1042]'"));
    }

    #[test]
    fn hostile_values_stay_one_word() {
        let command = diff_details_command("http://h/x?a=1&b=$(rm -rf ~)", "it's; echo pwned");
        assert!(
            command.contains("'http://h/x?a=1&b=$(rm -rf ~)'"),
            "{command}"
        );
        assert!(
            command.contains(r#""Workspace-Id: it's; echo pwned""#)
                || command.contains(r"'Workspace-Id: it'\''s; echo pwned'"),
            "{command}"
        );
    }
}
