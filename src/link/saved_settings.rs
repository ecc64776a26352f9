//! What the page remembers on this device. Base URL and workspace are not secret and are kept
//! without asking; the API key only after the user opts in, until "Forget key".

use web_sys::Storage;

const BASE_URL: &str = "datachecks-job-viewer.base-url";
const WORKSPACE_ID: &str = "datachecks-job-viewer.workspace-id";
const API_KEY: &str = "datachecks-job-viewer.api-key";
const AUTO_REFRESH: &str = "datachecks-job-viewer.auto-refresh";
const CHARTS: &str = "datachecks-job-viewer.charts";
/// Read by shell/theme.js too, before the first paint: keep the two in step.
const THEME: &str = "datachecks-job-viewer.theme";

/// Settings found in localStorage; empty when storage is blocked or empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SavedSettings {
    pub base_url: String,
    pub workspace_id: String,
    /// Present only if the user chose "Remember key on this device".
    pub api_key: Option<String>,
}

// Storage can be missing or throw (private modes, blocked cookies): the page then just forgets.
fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read(name: &str) -> Option<String> {
    storage()?.get_item(name).ok()?
}

pub fn load() -> SavedSettings {
    SavedSettings {
        base_url: read(BASE_URL).unwrap_or_default(),
        workspace_id: read(WORKSPACE_ID).unwrap_or_default(),
        api_key: read(API_KEY).filter(|key| !key.is_empty()),
    }
}

pub fn save_connection(base_url: &str, workspace_id: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(BASE_URL, base_url);
        let _ = storage.set_item(WORKSPACE_ID, workspace_id);
    }
}

pub fn save_api_key(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(API_KEY, key);
    }
}

pub fn forget_api_key() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(API_KEY);
    }
}

/// "Auto-refresh" is on unless the user turned it off on this device.
pub fn auto_refresh() -> bool {
    read(AUTO_REFRESH).as_deref() != Some("off")
}

pub fn save_auto_refresh(on: bool) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(AUTO_REFRESH, if on { "on" } else { "off" });
    }
}

/// The theme chosen with the Theme control: `light`, `dark`, or `None` to follow the system.
pub fn theme() -> Option<String> {
    read(THEME).filter(|theme| theme == "light" || theme == "dark")
}

/// Remembers the theme; `None` (System) forgets it, so the system's setting applies.
pub fn save_theme(theme: Option<&str>) {
    if let Some(storage) = storage() {
        let _ = match theme {
            Some(theme) => storage.set_item(THEME, theme),
            None => storage.remove_item(THEME),
        };
    }
}

/// The charts were folded away ("Hide charts") on this device.
pub fn charts_folded() -> bool {
    read(CHARTS).as_deref() == Some("folded")
}

pub fn save_charts_folded(folded: bool) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(CHARTS, if folded { "folded" } else { "shown" });
    }
}
