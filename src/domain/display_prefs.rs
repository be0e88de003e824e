//! How the reader likes the page to look: theme and the list's layout.

use serde::{Deserialize, Serialize};

use crate::period::PeriodKind;
use crate::rank::{Sort, Trending};
use crate::view_state::Defaults;

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

/// How the list shows its papers (`layout=` in a link).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Cards: title, meta line, authors, summary, links, Save and More.
    #[default]
    List,
    /// One line a paper: upvotes, title, a short meta line.
    Compact,
    /// Columns of cards, with the feed's thumbnail when thumbnails are on.
    Grid,
}

impl Layout {
    /// All layouts, in the order offered.
    pub const ALL: [Self; 3] = [Self::List, Self::Compact, Self::Grid];

    /// The key used in links and storage.
    pub fn key(self) -> &'static str {
        match self {
            Self::List => "list",
            Self::Compact => "compact",
            Self::Grid => "grid",
        }
    }

    /// Reads a key written by [`Layout::key`].
    ///
    /// ```
    /// use papersift_domain::display_prefs::Layout;
    /// assert_eq!(Layout::from_key("grid"), Some(Layout::Grid));
    /// assert!(Layout::ALL.iter().all(|l| Layout::from_key(l.key()) == Some(*l)));
    /// assert_eq!(Layout::from_key("cards"), None);
    /// ```
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The layout in effect: the link's, else the saved default, else List.
    pub fn effective(chosen: Option<Self>, saved_default: Option<Self>) -> Self {
        chosen.or(saved_default).unwrap_or_default()
    }

    /// The label shown.
    pub fn label(self) -> &'static str {
        match self {
            Self::List => "List",
            Self::Compact => "Compact",
            Self::Grid => "Grid",
        }
    }
}

/// Display preferences; unknown or missing fields read as defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DisplayPrefs {
    /// The colour theme.
    #[serde(default)]
    pub theme: Theme,
    /// The layout used when a link names none (`None`: List).
    #[serde(default, with = "layout_key", skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    /// The order used when a link names none (`None`: the built-in one).
    #[serde(default, with = "sort_key", skip_serializing_if = "Option::is_none")]
    pub default_sort: Option<Sort>,
    /// The period length used when a link names none.
    #[serde(default, with = "period_key", skip_serializing_if = "Option::is_none")]
    pub default_period: Option<PeriodKind>,
    /// Tell of new papers with a notification when PaperSift opens (asked after a click).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub notify: bool,
    /// Show the feed's thumbnails (off by default: each is fetched from the feed's image server).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub thumbnails: bool,
    /// Papers scrolled past or opened are not marked seen.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub seen_off: bool,
    /// The trending parameters used when a link names none (damaged values read as none).
    #[serde(default, deserialize_with = "lenient_trending", skip_serializing_if = "Option::is_none")]
    pub trending: Option<Trending>,
}

fn lenient_trending<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Trending>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Maybe {
        Read(Trending),
        Other(serde::de::IgnoredAny),
    }
    Ok(match Maybe::deserialize(d)? {
        Maybe::Read(t) => Some(t.clamped()),
        Maybe::Other(_) => None,
    })
}

impl DisplayPrefs {
    /// The saved defaults a view falls back on.
    pub fn defaults(&self) -> Defaults {
        Defaults {
            sort: self.default_sort,
            period: self.default_period,
            trending: self.trending,
            layout: self.layout,
        }
    }
}

/// Stored by key; a key this build does not know reads as "no default" rather than
/// failing the whole record.
macro_rules! keyed {
    ($module:ident, $type:ty) => {
        mod $module {
            use serde::{Deserialize, Deserializer, Serializer};

            #[allow(clippy::ref_option, reason = "serde's `with` passes a reference")]
            pub fn serialize<S: Serializer>(value: &Option<$type>, s: S) -> Result<S::Ok, S::Error> {
                match value {
                    Some(v) => s.serialize_str(v.key()),
                    None => s.serialize_none(),
                }
            }

            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<$type>, D::Error> {
                Ok(Option::<String>::deserialize(d)?.and_then(|k| <$type>::from_key(&k)))
            }
        }
    };
}
keyed!(sort_key, crate::rank::Sort);
keyed!(period_key, crate::period::PeriodKind);
keyed!(layout_key, crate::display_prefs::Layout);

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
        // "density" was the layout's forerunner: read as unknown, so as no saved layout.
        let prefs: DisplayPrefs =
            serde_json::from_str(r#"{"theme":"dark","future":1,"density":"compact"}"#).unwrap();
        assert_eq!(prefs, DisplayPrefs { theme: Theme::Dark, ..DisplayPrefs::default() });
        let prefs: DisplayPrefs = serde_json::from_str(r#"{"layout":"grid"}"#).unwrap();
        assert_eq!(prefs.layout, Some(Layout::Grid));
        assert_eq!(serde_json::from_str::<DisplayPrefs>(r#"{"layout":"cards"}"#).unwrap().layout, None);
        let prefs: DisplayPrefs =
            serde_json::from_str(r#"{"default_sort":"votes","default_period":"fortnightly"}"#).unwrap();
        assert_eq!((prefs.default_sort, prefs.default_period), (Some(Sort::MostUpvoted), None));
        assert_eq!(serde_json::to_string(&prefs).unwrap(), r#"{"theme":"system","default_sort":"votes"}"#);
        assert!(serde_json::from_str::<DisplayPrefs>(r#"{"theme":"neon"}"#).is_err());
        assert_eq!(Theme::from_key("light"), Some(Theme::Light));
    }
}
