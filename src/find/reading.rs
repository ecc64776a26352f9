//! Reading a search's pages of `GET /jobs/comparison`, one after another, newest first: with
//! the details call's retry rules, under the cap, and tolerant of a server whose pages are
//! smaller than asked. The requests and the clock come in as closures, so the rules run in
//! native tests.

use std::collections::HashSet;
use std::time::Duration;

use super::listing::pages_to_read;
use crate::api::models::{ListPage, ListedJob};
use crate::api::ApiError;
use crate::jobs::batching::{recovery, Recovery};

/// Where reading stands, for "Found 240 jobs, reading page 3 of 5".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// Jobs matching the search, once the first page said so.
    pub total: Option<u64>,
    /// The page being read, from 1.
    pub page: u64,
    /// The pages to read under the cap, once known.
    pub pages: Option<u64>,
}

/// What the pages held: the jobs, newest first, each once; how many matched in all; how many
/// items could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    pub jobs: Vec<ListedJob>,
    pub total: u64,
    pub unreadable: usize,
}

/// How reading ended: everything asked for, or stopped by an error with what came before it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadEnd {
    pub found: Found,
    pub failed: Option<ApiError>,
}

/// Reads pages 1, 2, … of `size` through `send` until the search's jobs (at most `cap`) are in,
/// a page comes back empty, or a page holds a job `known` already has (the rest are older: a
/// re-list for new jobs stops there). A page that fails is retried as a details batch would be.
pub async fn read_pages<Send, Wait>(
    size: u64,
    cap: u64,
    send: Send,
    wait: Wait,
    known: impl Fn(u64) -> bool,
    on_reading: impl Fn(Reading),
) -> ReadEnd
where
    Send: AsyncFn(u64) -> Result<ListPage, ApiError>,
    Wait: AsyncFn(Duration),
{
    let mut found = Found::default();
    let mut seen = HashSet::new();
    let mut reading = Reading {
        page: 1,
        ..Reading::default()
    };
    loop {
        on_reading(reading);
        let page = match read_one(&send, &wait, reading.page).await {
            Ok(page) => page,
            Err(error) => {
                return ReadEnd {
                    found,
                    failed: Some(error),
                }
            }
        };
        let held = page.items.len() + page.unreadable;
        let total = page.counts.total.map_or(0, |t| t.max(0.0) as u64);
        found.total = found.total.max(total);
        found.unreadable += page.unreadable;
        // The server's own page size: it may give fewer than asked.
        let per_page = if reading.page == 1 && held > 0 {
            (held as u64).min(size)
        } else {
            size
        };
        reading.total = Some(found.total);
        if reading.pages.is_none() {
            reading.pages = Some(pages_to_read(found.total, per_page, cap).max(1));
        }
        let mut reached_known = false;
        for job in page.items {
            reached_known |= known(job.job_id);
            if !known(job.job_id) && seen.insert(job.job_id) && (found.jobs.len() as u64) < cap {
                found.jobs.push(job);
            }
        }
        let enough = found.jobs.len() as u64 >= found.total.min(cap);
        let last = reading.page >= reading.pages.unwrap_or(1);
        if held == 0 || enough || last || reached_known {
            return ReadEnd {
                found,
                failed: None,
            };
        }
        reading.page += 1;
    }
}

/// One page, retried while the error is one that waiting may fix.
async fn read_one<Send, Wait>(send: &Send, wait: &Wait, page: u64) -> Result<ListPage, ApiError>
where
    Send: AsyncFn(u64) -> Result<ListPage, ApiError>,
    Wait: AsyncFn(Duration),
{
    let mut retries = 0;
    loop {
        let error = match send(page).await {
            Ok(page) => return Ok(page),
            Err(error) => error,
        };
        match recovery(&error, retries, 1) {
            // One page at a time: a hold for the whole client is a wait for this page.
            Recovery::Retry(pause) | Recovery::HoldAll(pause) => {
                retries += 1;
                wait(pause).await;
            }
            Recovery::Split | Recovery::GiveUp => return Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::ListCounts;
    use futures::executor::block_on;
    use std::cell::RefCell;

    fn listed(id: u64) -> ListedJob {
        ListedJob {
            job_id: id,
            source_dataset: None,
            target_dataset: None,
            created_at: None,
        }
    }

    /// A server holding `ids` (newest first) in pages of at most `limit`, whatever is asked.
    fn page_of(ids: &[u64], limit: usize, page: u64) -> ListPage {
        let start = (page as usize - 1) * limit;
        ListPage {
            items: ids
                .iter()
                .skip(start)
                .take(limit)
                .map(|&id| listed(id))
                .collect(),
            unreadable: 0,
            counts: ListCounts {
                total: Some(ids.len() as f64),
            },
        }
    }

    fn read(
        size: u64,
        cap: u64,
        answer: impl Fn(u64, usize) -> Result<ListPage, ApiError>,
        known: impl Fn(u64) -> bool,
    ) -> (ReadEnd, Vec<u64>, Vec<Reading>, Vec<Duration>) {
        let asked = RefCell::new(Vec::new());
        let readings = RefCell::new(Vec::new());
        let waits = RefCell::new(Vec::new());
        let send = async |page: u64| {
            let before = asked.borrow().iter().filter(|&&p| p == page).count();
            asked.borrow_mut().push(page);
            answer(page, before)
        };
        let wait = async |pause: Duration| waits.borrow_mut().push(pause);
        let end = block_on(read_pages(size, cap, send, wait, known, |r| {
            readings.borrow_mut().push(r)
        }));
        (
            end,
            asked.into_inner(),
            readings.into_inner(),
            waits.into_inner(),
        )
    }

    fn ids(end: &ReadEnd) -> Vec<u64> {
        end.found.jobs.iter().map(|j| j.job_id).collect()
    }

    #[test]
    fn every_page_is_read_even_when_the_server_gives_fewer_than_asked() {
        let all: Vec<u64> = (1..=12).rev().collect();
        let (end, asked, readings, _) =
            read(500, 10_000, |p, _| Ok(page_of(&all, 5, p)), |_| false);
        assert_eq!(ids(&end), all);
        assert_eq!((end.found.total, end.failed), (12, None));
        assert_eq!(asked, [1, 2, 3]);
        let last = readings.last().unwrap();
        assert_eq!((last.total, last.page, last.pages), (Some(12), 3, Some(3)));
        assert_eq!(readings[0].total, None, "before the first answer");
    }

    #[test]
    fn the_cap_keeps_the_newest_and_stops_reading() {
        let all: Vec<u64> = (1..=30).rev().collect();
        let (end, asked, _, _) = read(10, 15, |p, _| Ok(page_of(&all, 10, p)), |_| false);
        assert_eq!(ids(&end), (16..=30).rev().collect::<Vec<_>>());
        assert_eq!(end.found.total, 30);
        assert_eq!(asked, [1, 2]);
        let (end, asked, _, _) = read(10, 15, |_, _| Ok(page_of(&[], 10, 1)), |_| false);
        assert_eq!((ids(&end), asked), (vec![], vec![1]), "nothing matches");
    }

    #[test]
    fn a_re_list_stops_at_the_first_known_job_and_keeps_only_new_ones() {
        let all: Vec<u64> = (1..=30).rev().collect();
        let (end, asked, _, _) = read(10, 100, |p, _| Ok(page_of(&all, 10, p)), |id| id <= 27);
        assert_eq!(ids(&end), [30, 29, 28]);
        assert_eq!(asked, [1]);
    }

    #[test]
    fn a_page_is_retried_like_a_batch_and_a_refusal_ends_with_what_came_before() {
        let all: Vec<u64> = (1..=4).rev().collect();
        let busy = ApiError::Server {
            status: 503,
            retry_after: None,
            message: None,
        };
        let (end, asked, _, waits) = read(
            2,
            100,
            |p, before| match (p, before) {
                (2, 0) => Err(busy.clone()),
                _ => Ok(page_of(&all, 2, p)),
            },
            |_| false,
        );
        assert_eq!((ids(&end), end.failed), (all.clone(), None));
        assert_eq!(
            (asked, waits),
            (vec![1, 2, 2], vec![Duration::from_millis(500)])
        );
        let refused = ApiError::Unprocessable {
            message: Some("page must be a whole number".into()),
        };
        let (end, asked, _, waits) = read(
            2,
            100,
            |p, _| match p {
                2 => Err(refused.clone()),
                _ => Ok(page_of(&all, 2, p)),
            },
            |_| false,
        );
        assert_eq!(ids(&end), [4, 3]);
        assert_eq!(end.failed, Some(refused));
        assert_eq!((asked, waits.len()), (vec![1, 2], 0));
    }

    #[test]
    fn a_job_seen_twice_across_pages_is_kept_once_and_unreadable_items_are_counted() {
        let (end, _, _, _) = read(
            2,
            100,
            |p, _| {
                let mut page = page_of(&[5, 4, 4, 3], 2, p);
                page.unreadable = 1;
                Ok(page)
            },
            |_| false,
        );
        assert_eq!(ids(&end), [5, 4, 3]);
        assert_eq!(end.found.unreadable, 2);
    }
}
