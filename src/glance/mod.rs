//! The pure logic behind the "at a glance" charts and the "Group by comparison" view: each takes
//! the grid's rows and the positions it shows, so the charts follow its filters and search.
//! Coordinates are whole numbers in fixed viewBoxes and texts use the page's duration and count
//! formats: no float formatting reaches the page. Native tests.

pub mod durations;
pub mod groups;
pub mod outcome_bar;
pub mod timeline;

#[cfg(test)]
pub(crate) mod fixture;
