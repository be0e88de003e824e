//! How the reader likes the page to look: theme and list density.

use serde::{Deserialize, Serialize};

/// Light, dark, or whatever the system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// How much room each paper takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Density {
    /// Room to read.
    #[default]
    Comfortable,
    /// More papers on screen.
    Compact,
}

/// Display preferences; unknown or missing fields read as defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DisplayPrefs {
    /// The colour theme.
    #[serde(default)]
    pub theme: Theme,
    /// The list density.
    #[serde(default)]
    pub density: Density,
}

impl Theme {
    /// All themes, in the order offered.
    pub const ALL: [Self; 3] = [Self::System, Self::Light, Self::Dark];

    /// The name shown, and used as the page's `data-theme` (empty for System).
    pub fn key(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    /// The label shown.
    pub fn label(self) -> &'static str {
        match self {
            Self::System => "System",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }

    /// The theme named by [`Theme::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefs_read_leniently() {
        let prefs: DisplayPrefs = serde_json::from_str(r#"{"theme":"dark","future":1}"#).unwrap();
        assert_eq!(prefs, DisplayPrefs { theme: Theme::Dark, density: Density::Comfortable });
        assert!(serde_json::from_str::<DisplayPrefs>(r#"{"theme":"neon"}"#).is_err());
        assert_eq!(Theme::from_key("light"), Some(Theme::Light));
    }
}
