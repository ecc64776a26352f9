use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use crate::components::grid::scroll::{Scroll, Spacer};
use crate::diff::table::{CellPair, DiffRow, DiffTable, Presence};
use crate::thousands::group_thousands;

/// The differing rows as a table: the key columns, then each mismatched column's source and
/// target side by side. Only the rows in view are in the page (several hundred stay fast), and
/// a search narrows them.
#[component]
pub fn DiffRows(table: Arc<DiffTable>) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let shown = {
        let table = table.clone();
        Memo::new(move |_| search.with(|s| table.matching(s)))
    };
    let scroller = NodeRef::<Div>::new();
    let scroll = Scroll::new();
    scroll.follow(scroller, move || shown.track(), move || search.track());
    let slice = Memo::new(move |_| shown.with(|s| scroll.window(s.len())));
    let columns = table.keys.len() + 2 * table.columns.len();
    let rows = {
        let table = table.clone();
        move || {
            let w = slice.get();
            shown.with(|s| {
                (w.first..w.end)
                    .map(|position| diff_row(&table.rows[s[position]], position))
                    .collect_view()
            })
        }
    };
    let total = table.rows.len() as u64;
    let showing = move || {
        let n = shown.with(Vec::len) as u64;
        format!(
            "Showing {} of {} differing rows",
            group_thousands(n),
            group_thousands(total)
        )
    };
    view! {
        <h4 id="differing-rows">"Differing rows"</h4>
        <div class="grid-tools">
            <input type="search" class="diff-search" aria-label="Search differing rows"
                prop:value=search on:input=move |ev| search.set(event_target_value(&ev))/>
            <p class="showing" aria-live="polite">{showing}</p>
        </div>
        <div class="diff-scroll" tabindex="0" role="region" aria-labelledby="differing-rows"
            node_ref=scroller on:scroll=move |ev| scroll.scrolled(ev)>
            <table class="diff-rows" aria-rowcount=move || shown.with(Vec::len) + 2>
                <caption>"Each row’s key, then the source and target of each mismatched column"</caption>
                <DiffHead table=table.clone()/>
                <tbody>
                    <Spacer height=Signal::derive(move || slice.get().space_before) columns=columns/>
                    {rows}
                    <Spacer height=Signal::derive(move || slice.get().space_after) columns=columns/>
                </tbody>
            </table>
        </div>
    }
}

/// Two header rows: the key columns and each mismatched column, then "source" and "target".
#[component]
fn DiffHead(table: Arc<DiffTable>) -> impl IntoView {
    let keys = table
        .keys
        .iter()
        .map(|key| view! { <th scope="col" rowspan="2">{key.clone()}</th> });
    let columns = table.columns.iter().map(|c| {
        view! { <th scope="colgroup" colspan="2">{c.name()}</th> }
    });
    let sides = table.columns.iter().map(|_| {
        view! { <th scope="col">"source"</th><th scope="col">"target"</th> }
    });
    view! {
        <thead>
            <tr aria-rowindex="1">{keys.collect_view()}{columns.collect_view()}</tr>
            <tr aria-rowindex="2">{sides.collect_view()}</tr>
        </thead>
    }
}

fn diff_row(row: &DiffRow, position: usize) -> impl IntoView {
    let keys = row
        .keys
        .iter()
        .map(|key| view! { <th scope="row">{key.clone()}</th> });
    let cells = row.cells.iter().map(|cell| pair(cell, row.presence));
    view! {
        <tr class="row" aria-rowindex=position + 3>{keys.collect_view()}{cells.collect_view()}</tr>
    }
}

/// A column's source and target cells. The target of a differing pair is marked by a sign and
/// weight, not colour alone, with the difference for numbers; a side the row is not on says so.
fn pair(cell: &CellPair, presence: Presence) -> impl IntoView {
    let side = |value: &Option<String>, absent: &'static str| match value {
        Some(text) => view! { <td>{text.clone()}</td> }.into_any(),
        None => view! { <td class="absent">{absent}</td> }.into_any(),
    };
    let absent_source = match presence {
        Presence::OnlyTarget => "not in source",
        _ => "missing",
    };
    let absent_target = match presence {
        Presence::OnlySource => "not in target",
        _ => "missing",
    };
    let target = match (&cell.target, cell.differs) {
        (Some(text), true) => view! {
            <td class="differs">
                <span class="sign" title="differs">"≠ "</span>
                <strong>{text.clone()}</strong>
                {cell.delta.clone().map(|d| view! { <span class="delta">{format!(" ({d})")}</span> })}
            </td>
        }
        .into_any(),
        _ => side(&cell.target, absent_target),
    };
    view! { {side(&cell.source, absent_source)}{target} }
}
