use leptos::prelude::*;

use crate::link::saved_settings;

/// The Theme control: System (the system's `prefers-color-scheme`), Light or Dark, remembered on
/// this device. The static shell applied the remembered one before the first paint
/// (shell/theme.js); this keeps `html[data-theme]` and the memory in step with the choice.
#[component]
pub fn ThemePicker() -> impl IntoView {
    let chosen = RwSignal::new(saved_settings::theme().unwrap_or_default());
    Effect::new(move |_| {
        let theme = chosen.get();
        let theme = (!theme.is_empty()).then_some(theme.as_str());
        apply_theme(theme);
        saved_settings::save_theme(theme);
    });
    view! {
        <div class="theme-picker">
            <label for="theme">"Theme"</label>
            <select id="theme" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                <option value="">"System"</option>
                <option value="light">"Light"</option>
                <option value="dark">"Dark"</option>
            </select>
        </div>
    }
}

/// Sets `html[data-theme]`, which style/main.css reads; `None` removes it.
fn apply_theme(theme: Option<&str>) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = match theme {
        Some(theme) => root.set_attribute("data-theme", theme),
        None => root.remove_attribute("data-theme"),
    };
}
