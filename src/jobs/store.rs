//! The jobs of one set, by ID, in the order asked. Answers change the jobs they are about and
//! nothing else, whether they are the first answer, a refresh of a few IDs, or one job's details.

use std::collections::HashMap;

use super::job_row::JobRow;
use super::summary::{Counts, Summary};
use crate::api::models::{DecodedItem, ListedJob};
use crate::api::ApiError;

/// Every requested ID has exactly one row, in the order asked; unreadable job objects follow.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JobStore {
    rows: Vec<JobRow>,
    /// How many of the rows are requested IDs; unreadable job objects come after them.
    requested: usize,
    /// Where each requested ID's row is.
    position: HashMap<u64, usize>,
    counts: Counts,
    /// What the list endpoint said of each job a search found, given to its row when its
    /// details land.
    listed: HashMap<u64, ListedJob>,
}

impl JobStore {
    /// A row per ID (`ids` without duplicates, as `parse_job_ids` gives them), each loading
    /// until its batch is answered.
    pub fn new(ids: &[u64]) -> JobStore {
        let rows: Vec<JobRow> = ids.iter().map(|&id| JobRow::Loading(id)).collect();
        let mut counts = Counts::default();
        rows.iter().for_each(|row| counts.add(row));
        JobStore {
            rows,
            requested: ids.len(),
            position: ids.iter().enumerate().map(|(i, &id)| (id, i)).collect(),
            counts,
            listed: HashMap::new(),
        }
    }

    /// A row per job a search found, in the list's order, each loading.
    pub fn listed(jobs: Vec<ListedJob>) -> JobStore {
        let ids: Vec<u64> = jobs.iter().map(|job| job.job_id).collect();
        let mut store = JobStore::new(&ids);
        store.listed = jobs.into_iter().map(|job| (job.job_id, job)).collect();
        store
    }

    /// The set came from a search: the list's columns have something to show.
    pub fn is_listed(&self) -> bool {
        !self.listed.is_empty()
    }

    /// Jobs a search found since: loading rows at the top, newest first (jobs the set already
    /// holds are left out). Returns their IDs.
    pub fn prepend(&mut self, jobs: Vec<ListedJob>) -> Vec<u64> {
        let new: Vec<ListedJob> = jobs
            .into_iter()
            .filter(|job| !self.position.contains_key(&job.job_id))
            .collect();
        let ids: Vec<u64> = new.iter().map(|job| job.job_id).collect();
        let rows = ids.iter().map(|&id| JobRow::Loading(id));
        rows.clone().for_each(|row| self.counts.add(&row));
        self.rows.splice(0..0, rows);
        self.requested += ids.len();
        self.position = self.rows[..self.requested]
            .iter()
            .enumerate()
            .filter_map(|(i, row)| Some((row.id()?, i)))
            .collect();
        self.listed
            .extend(new.into_iter().map(|job| (job.job_id, job)));
        ids
    }

    /// Rows whose batch was answered, from the kept counts.
    pub fn answered(&self) -> usize {
        self.counts.answered()
    }

    /// The counts above the grid, kept as rows change.
    pub fn summary(&self) -> Summary {
        self.counts.summary()
    }

    pub fn rows(&self) -> &[JobRow] {
        &self.rows
    }

    /// The jobs that may still change: what a refresh asks about, and the tab title counts.
    pub fn unfinished(&self) -> impl Iterator<Item = &JobRow> {
        self.rows.iter().filter(|row| row.is_unfinished())
    }

    pub fn get(&self, id: u64) -> Option<&JobRow> {
        self.position.get(&id).map(|&i| &self.rows[i])
    }

    /// Merges the answer for the IDs in `asked`, and says which IDs' rows changed. Jobs the
    /// answer holds twice keep their first copy; jobs nobody asked for here are left out; an ID
    /// the answer lacks is not found. A failed answer marks its IDs failed, except those already
    /// found: a refresh that fails never takes away what is shown.
    pub fn apply(
        &mut self,
        asked: &[u64],
        answer: &Result<Vec<DecodedItem>, ApiError>,
    ) -> Vec<u64> {
        let mut changed = Vec::new();
        match answer {
            Ok(items) => {
                let mut answered: HashMap<u64, &crate::api::models::Job> = HashMap::new();
                for item in items {
                    match item {
                        DecodedItem::Job(job) => {
                            answered.entry(job.run_id).or_insert(job);
                        }
                        DecodedItem::Unreadable(raw) => self.add_unreadable(raw),
                    }
                }
                for &id in asked {
                    let row = match answered.get(&id) {
                        Some(job) => {
                            let mut job = (*job).clone();
                            if let Some(listed) = self.listed.get(&id) {
                                listed.fill(&mut job);
                            }
                            JobRow::Found(job)
                        }
                        None => JobRow::NotFound(id),
                    };
                    if self.set(id, row) {
                        changed.push(id);
                    }
                }
            }
            Err(error) => {
                let reason = format!("{} (see the message above)", error.short());
                for &id in asked {
                    let keep = matches!(self.get(id), Some(JobRow::Found(_)));
                    let failed = JobRow::NotLoaded {
                        id,
                        reason: reason.clone(),
                    };
                    if !keep && self.set(id, failed) {
                        changed.push(id);
                    }
                }
            }
        }
        changed
    }

    /// Marks every row still loading as not loaded, for this reason (a fetch stopped halfway).
    pub fn stop_loading(&mut self, reason: &str) {
        let loading: Vec<u64> = self.rows[..self.requested]
            .iter()
            .filter_map(|row| match row {
                JobRow::Loading(id) => Some(*id),
                _ => None,
            })
            .collect();
        for id in loading {
            let failed = JobRow::NotLoaded {
                id,
                reason: reason.to_string(),
            };
            self.set(id, failed);
        }
    }

    /// Replaces a requested ID's row; true when that changed it.
    fn set(&mut self, id: u64, row: JobRow) -> bool {
        match self.position.get(&id) {
            Some(&i) if self.rows[i] != row => {
                self.counts.remove(&self.rows[i]);
                self.counts.add(&row);
                self.rows[i] = row;
                true
            }
            _ => false,
        }
    }

    /// An unreadable job object, once however often it is sent.
    fn add_unreadable(&mut self, raw: &str) {
        let known = self.rows[self.requested..]
            .iter()
            .any(|row| matches!(row, JobRow::Unreadable(r) if r == raw));
        if !known {
            let row = JobRow::Unreadable(raw.to_string());
            self.counts.add(&row);
            self.rows.push(row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(id: u64, status: &str) -> DecodedItem {
        let json = format!(r#"{{"run_id": {id}, "status": "{status}"}}"#);
        DecodedItem::Job(serde_json::from_str(&json).unwrap())
    }

    fn server_error() -> ApiError {
        ApiError::Server {
            status: 503,
            retry_after: None,
            message: None,
        }
    }

    fn labels(store: &JobStore) -> Vec<String> {
        store
            .rows()
            .iter()
            .map(|row| match row {
                JobRow::Loading(id) => format!("{id} loading"),
                JobRow::Found(job) => format!(
                    "{} {}",
                    job.run_id,
                    job.status.as_ref().map_or("", |s| s.label())
                ),
                JobRow::NotFound(id) => format!("{id} not found"),
                JobRow::NotLoaded { id, reason } => format!("{id} not loaded: {reason}"),
                JobRow::Unreadable(raw) => format!("unreadable {raw}"),
            })
            .collect()
    }

    #[test]
    fn every_requested_id_gets_exactly_one_row_in_order() {
        let mut store = JobStore::new(&[5, 8, 3, 7, 1]);
        assert_eq!(labels(&store)[0], "5 loading");
        let first = Ok(vec![
            job(3, "SUCCESS"),
            job(5, "PENDING"),
            job(99, "SUCCESS"),
            job(3, "FAILURE"),
        ]);
        assert_eq!(store.apply(&[5, 3], &first), [5, 3]);
        store.apply(&[8, 1], &Err(server_error()));
        let broken = Ok(vec![DecodedItem::Unreadable("\"x\"".into())]);
        store.apply(&[7], &broken);
        store.apply(&[7], &broken);
        assert_eq!(
            labels(&store),
            [
                "5 PENDING",
                "8 not loaded: Server error 503 (see the message above)",
                "3 SUCCESS",
                "7 not found",
                "1 not loaded: Server error 503 (see the message above)",
                "unreadable \"x\""
            ]
        );
        assert_eq!(store.get(99), None, "a job nobody asked for is left out");
        let summary = store.summary();
        assert_eq!(
            (
                summary.requested,
                summary.found,
                summary.not_found,
                summary.not_loaded
            ),
            (5, 2, 1, 2)
        );
        assert_eq!((summary.loading, summary.unreadable), (0, 1));
        assert_eq!(
            summary.by_status,
            [("PENDING".to_string(), 1), ("SUCCESS".to_string(), 1)]
        );
        assert_eq!(store.get(8).and_then(JobRow::id), Some(8));
    }

    #[test]
    fn a_refresh_changes_only_the_jobs_it_is_about() {
        let mut store = JobStore::new(&[1, 2, 3]);
        store.apply(
            &[1, 2, 3],
            &Ok(vec![
                job(1, "PENDING"),
                job(2, "STARTED"),
                job(3, "SUCCESS"),
            ]),
        );
        let changed = store.apply(&[1, 2], &Ok(vec![job(1, "PENDING"), job(2, "SUCCESS")]));
        assert_eq!(
            changed,
            [2],
            "an answer that changes nothing reports nothing"
        );
        assert_eq!(labels(&store), ["1 PENDING", "2 SUCCESS", "3 SUCCESS"]);
    }

    #[test]
    fn a_stopped_fetch_keeps_what_came_and_marks_the_rest() {
        let mut store = JobStore::new(&[1, 2, 3]);
        store.apply(&[1], &Ok(vec![job(1, "SUCCESS")]));
        store.stop_loading("Cancelled before it loaded");
        assert_eq!(
            labels(&store),
            [
                "1 SUCCESS",
                "2 not loaded: Cancelled before it loaded",
                "3 not loaded: Cancelled before it loaded"
            ]
        );
        assert_eq!(store.summary().loading, 0);
    }

    #[test]
    fn a_failed_refresh_keeps_what_is_shown() {
        let mut store = JobStore::new(&[1, 2]);
        store.apply(&[1], &Ok(vec![job(1, "PENDING")]));
        let changed = store.apply(&[1, 2], &Err(server_error()));
        assert_eq!(changed, [2]);
        assert_eq!(
            labels(&store),
            [
                "1 PENDING",
                "2 not loaded: Server error 503 (see the message above)"
            ]
        );
    }

    #[test]
    fn a_search_s_rows_get_the_list_s_fields_and_new_jobs_go_on_top() {
        let listed = |id: u64| ListedJob {
            job_id: id,
            source_dataset: Some(format!("prod.{id}")),
            target_dataset: None,
            created_at: None,
        };
        let mut store = JobStore::listed(vec![listed(5), listed(4)]);
        assert!(store.is_listed() && !JobStore::new(&[1]).is_listed());
        store.apply(&[5, 4], &Ok(vec![job(5, "SUCCESS"), job(4, "FAILURE")]));
        let source =
            |store: &JobStore, id| store.get(id).and_then(|r| r.job()?.source_dataset.clone());
        assert_eq!(source(&store, 5).as_deref(), Some("prod.5"));
        assert_eq!(store.prepend(vec![listed(7), listed(6), listed(5)]), [7, 6]);
        assert_eq!(labels(&store)[..2], ["7 loading", "6 loading"]);
        assert_eq!(store.summary().requested, 4);
        store.apply(&[7], &Ok(vec![job(7, "FAILURE")]));
        assert_eq!(source(&store, 7).as_deref(), Some("prod.7"));
        assert_eq!(
            source(&store, 4).as_deref(),
            Some("prod.4"),
            "rows below keep theirs"
        );
    }
}
