//! Download JSON: which shown rows go where in the file. The page keeps each job object as the
//! browser parsed it and writes the file with `JSON.stringify`, so the objects are exactly as the
//! API sent them; what is pure is the sorting of rows into the file's lists.

use crate::jobs::job_row::JobRow;

/// Where each shown row goes in the JSON file: found jobs in grid order (by run ID, for the page
/// to look up the object as sent), the IDs not found, the IDs not loaded with why, the IDs still
/// loading, and unreadable objects' raw texts. Each list keeps the grid's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JsonParts {
    pub jobs: Vec<u64>,
    pub not_found: Vec<u64>,
    pub not_loaded: Vec<(u64, String)>,
    pub loading: Vec<u64>,
    pub unreadable: Vec<String>,
}

/// The shown rows, in grid order, sorted into the file's lists.
pub fn json_parts<'a>(rows: impl IntoIterator<Item = &'a JobRow>) -> JsonParts {
    let mut parts = JsonParts::default();
    for row in rows {
        match row {
            JobRow::Found(job) => parts.jobs.push(job.run_id),
            JobRow::NotFound(id) => parts.not_found.push(*id),
            JobRow::NotLoaded { id, reason } => parts.not_loaded.push((*id, reason.clone())),
            JobRow::Loading(id) => parts.loading.push(*id),
            JobRow::Unreadable(raw) => parts.unreadable.push(raw.clone()),
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::Job;

    #[test]
    fn each_row_goes_to_its_list_in_grid_order() {
        let rows = [
            JobRow::Found(Job::with_status(30, Some("SUCCESS"))),
            JobRow::NotFound(5),
            JobRow::Unreadable("{\"b\":1}".into()),
            JobRow::Found(Job::with_status(10, None)),
            JobRow::NotLoaded {
                id: 7,
                reason: "timed out".into(),
            },
            JobRow::Loading(9),
            JobRow::NotFound(2),
            JobRow::Unreadable("[]".into()),
            JobRow::Found(Job::with_status(20, Some("RUNNING"))),
        ];
        assert_eq!(
            json_parts(&rows),
            JsonParts {
                jobs: vec![30, 10, 20],
                not_found: vec![5, 2],
                not_loaded: vec![(7, "timed out".into())],
                loading: vec![9],
                unreadable: vec!["{\"b\":1}".into(), "[]".into()],
            }
        );
    }

    #[test]
    fn no_rows_make_empty_lists() {
        assert_eq!(json_parts(&[]), JsonParts::default());
    }
}
