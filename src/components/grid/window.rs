//! Which rows of a long list are in view: plain arithmetic over the scroll position, so only those
//! (and a few either side) are in the page, while spacers keep the scrollbar true to the whole list.

/// Rows rendered beyond each edge of the view. Rows are rendered in the scroll event, before the
/// frame paints, so no gap shows without them; a few keep keyboard focus moving smoothly, and each
/// more costs layout on every jump (8 made a Page Down ~40% slower than 3).
pub const OVERSCAN: usize = 3;

/// The slice of the list to render, and the space the rows before and after it take.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    /// The first position rendered.
    pub first: usize,
    /// One past the last position rendered.
    pub end: usize,
    /// Height of the rows before `first`, in pixels.
    pub space_before: f64,
    /// Height of the rows from `end` to the end of the list.
    pub space_after: f64,
}

/// The rows of a `total`-row list, each `row_height` pixels tall, that show when the list is
/// scrolled `scroll_top` pixels into a view `view_height` pixels tall, plus `OVERSCAN` either side.
pub fn window(total: usize, row_height: f64, scroll_top: f64, view_height: f64) -> Window {
    let row_height = row_height.max(1.0);
    let first_in_view = (scroll_top.max(0.0) / row_height).floor() as usize;
    let in_view = (view_height.max(0.0) / row_height).ceil() as usize + 1;
    let first = first_in_view.saturating_sub(OVERSCAN).min(total);
    let end = (first_in_view + in_view + OVERSCAN).min(total).max(first);
    Window {
        first,
        end,
        space_before: first as f64 * row_height,
        space_after: (total - end) as f64 * row_height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_of_a_long_list_renders_a_screen_and_the_overscan() {
        let w = window(100_000, 40.0, 0.0, 800.0);
        assert_eq!((w.first, w.end), (0, 21 + OVERSCAN));
        assert_eq!(w.space_before, 0.0);
        assert_eq!(w.space_after, (100_000 - w.end) as f64 * 40.0);
    }

    #[test]
    fn scrolled_anywhere_the_spacers_and_rows_add_up_to_the_whole_list() {
        for scroll_top in [0.0, 39.9, 40.0, 123_456.0, 3_999_000.0, 9e9] {
            let w = window(100_000, 40.0, scroll_top, 800.0);
            let rendered = (w.end - w.first) as f64 * 40.0;
            assert_eq!(w.space_before + rendered + w.space_after, 4_000_000.0);
            assert!(w.end - w.first <= 21 + 2 * OVERSCAN, "{w:?}");
        }
        let middle = window(100_000, 40.0, 40_000.0, 800.0);
        assert_eq!(middle.first, 1000 - OVERSCAN);
    }

    #[test]
    fn short_and_empty_lists_render_whole() {
        assert_eq!(window(5, 40.0, 0.0, 800.0).end, 5);
        let empty = window(0, 40.0, 500.0, 800.0);
        assert_eq!((empty.first, empty.end, empty.space_after), (0, 0, 0.0));
    }
}
