//! The widget's own words in English and French.
//!
//! Scenario sentences carry their own translations; numbers, times and
//! dates go through the model's one formatting layer
//! ([`claimcheck_model::locale`]), and sentences about checks and
//! verdicts through [`claimcheck_model::words`]. This module holds only
//! the interface's labels, and the messages for ignored settings.

use claimcheck_model::locale::Lang;
use claimcheck_model::Scenario;
use web_sys::Element;

use crate::settings::{Controls, Panel, Problem};

/// The language of `element`: its own `lang`, else the nearest
/// ancestor's, else the document's, else English.
pub fn lang_of(element: &Element) -> Lang {
    let mut node = Some(element.clone());
    while let Some(el) = node {
        if let Some(lang) =
            el.get_attribute("lang").and_then(|t| Lang::from_tag(&t))
        {
            return lang;
        }
        node = el.parent_element();
    }
    gloo::utils::document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_default()
}

/// The interface's words in `lang`.
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

/// A panel's tab label.
pub fn panel_label(panel: Panel, lang: Lang) -> &'static str {
    let ui = ui(lang);
    match panel {
        Panel::Evidence => ui.tab_evidence,
        Panel::Tune => ui.tab_tune,
        Panel::Assumptions => ui.tab_assumptions,
        Panel::Record => ui.tab_record,
        Panel::Data => ui.tab_data,
        Panel::Share => ui.tab_share,
    }
}

/// Why a setting was ignored, in words.
pub fn ignored_reason(
    problem: &Problem,
    scenario: &Scenario,
    lang: Lang,
) -> String {
    let en = lang == Lang::En;
    let list = |items: &[String]| {
        lang.list(&items.iter().map(|s| lang.quote(s)).collect::<Vec<_>>())
    };
    match problem {
        Problem::UnknownKey if en => {
            "this is not a setting of this widget".into()
        }
        Problem::UnknownKey => "ce n'est pas un réglage de ce module".into(),
        Problem::StoryUnavailable if en => {
            "this story could not be loaded, so the default story is shown".to_string()
        }
        Problem::StoryUnavailable => {
            "ce dossier n'a pas pu être chargé, le dossier par défaut est donc affiché".to_string()
        }
        Problem::UnknownScenario { known } if en => {
            format!("no story has this id, so the default story is shown (expected {})", list(known))
        }
        Problem::UnknownScenario { known } => {
            format!("aucun dossier ne porte cet identifiant, le dossier par défaut est donc affiché (attendu : {})", list(known))
        }
        Problem::UnknownHypothesis { id, known } if en => {
            let mut k = known.clone();
            k.push("none".into());
            format!(
                "there is no cause called {} (expected {})",
                lang.quote(id),
                list(&k)
            )
        }
        Problem::UnknownHypothesis { id, known } => {
            let mut k = known.clone();
            k.push("none".into());
            format!(
                "aucune cause ne s'appelle {} (attendu : {})",
                lang.quote(id),
                list(&k)
            )
        }
        Problem::NotANumber if en => "this is not a number".into(),
        Problem::NotANumber => "ce n'est pas un nombre".into(),
        Problem::OutOfRange { index } => {
            let w = claimcheck_model::words::Words::new(scenario, lang);
            match scenario.params.get(*index) {
                Some(spec) if en => {
                    format!("outside the allowed range, {}", w.range(spec))
                }
                Some(spec) => {
                    format!("hors de la plage permise, {}", w.range(spec))
                }
                None => String::new(),
            }
        }
        Problem::UnknownLang if en => "expected the language en or fr".into(),
        Problem::UnknownLang => "langue attendue : en ou fr".into(),
        Problem::UnknownTheme if en => {
            "expected the theme light, dark or auto".into()
        }
        Problem::UnknownTheme => "thème attendu : light, dark ou auto".into(),
        Problem::NotAFlag if en => {
            "expected nothing, true, false, 1 or 0".into()
        }
        Problem::NotAFlag => "attendu : rien, true, false, 1 ou 0".into(),
        Problem::UnknownControl { word } => {
            let words: Vec<String> =
                Controls::WORDS.iter().map(|w| w.to_string()).collect();
            if en {
                format!(
                    "{} is not something this widget can show (expected {})",
                    lang.quote(word),
                    lang.list(&words)
                )
            } else {
                format!("{} n'est pas un élément que ce module peut afficher (attendu : {})", lang.quote(word), lang.list(&words))
            }
        }
        Problem::UnknownView => {
            let ids: Vec<String> =
                Panel::ALL.iter().map(|p| p.id().to_string()).collect();
            if en {
                format!("there is no such panel (expected {})", list(&ids))
            } else {
                format!("ce panneau n'existe pas (attendu : {})", list(&ids))
            }
        }
    }
}

/// The widget's own terms, one per idea, with what each means.
pub fn glossary(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => &[
            ("Simulated site", "The model's version of the site: the same causes and assumptions, computed minute by minute in your browser."),
            ("Visits that fail", "The share of attempts that time out or get an error page."),
            ("Users", "People who reach the site: a count, as the record gives it."),
            ("Cause", "One of the explanations the record argues about; switch it on or off to see its effect."),
            ("Assumption", "A number the record does not give, such as how long users wait; each has a range."),
            ("Plausible scenario", "One mix of causes at one point of the assumption ranges that reproduces the record about as well as the best ones. The verdicts count them."),
        ],
        Lang::Fr => &[
            ("Site simulé", "La version du site selon le modèle\u{a0}: les mêmes causes et hypothèses, calculées minute par minute dans votre navigateur."),
            ("Visites échouées", "La part des tentatives qui expirent ou aboutissent à une page d'erreur."),
            ("Internautes", "Les personnes qui atteignent le site\u{a0}: un compte, comme le donne le dossier."),
            ("Cause", "L'une des explications dont débat le dossier\u{a0}; activez-la ou désactivez-la pour en voir l'effet."),
            ("Hypothèse", "Un chiffre que le dossier ne donne pas, comme la patience des internautes\u{a0}; chacune a une plage."),
            ("Scénario plausible", "Une combinaison de causes, en un point des plages d'hypothèses, qui reproduit le dossier à peu près aussi bien que les meilleures. Les verdicts en font le compte."),
        ],
    }
}

/// The interface's own words in one language.
#[allow(missing_docs)]
pub struct Ui {
    pub causes_heading: &'static str,
    pub presets_label: &'static str,
    pub on: &'static str,
    pub off: &'static str,
    pub reset_all: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub panel_failing: &'static str,
    pub panel_failing_short: &'static str,
    pub panel_load: &'static str,
    pub panel_load_short: &'static str,
    pub legend_failing: &'static str,
    pub legend_attempts: &'static str,
    pub legend_capacity: &'static str,
    pub legend_pass: &'static str,
    pub legend_fail: &'static str,
    pub legend_threshold: &'static str,
    pub claimed_start: &'static str,
    pub deadline: &'static str,
    pub timeline_label: &'static str,
    pub times_in: &'static str,
    pub time_slider: &'static str,
    pub readout_prompt: &'static str,
    pub claims_heading: &'static str,
    pub claims_intro: &'static str,
    pub claim_by: &'static str,
    pub checking: &'static str,
    pub plausible: &'static str,
    pub support_label: &'static str,
    pub hangs_on: &'static str,
    pub hangs_on_plausible: &'static str,
    pub more: &'static str,
    pub tabs_label: &'static str,
    pub tab_evidence: &'static str,
    pub tab_tune: &'static str,
    pub tab_assumptions: &'static str,
    pub tab_record: &'static str,
    pub tab_data: &'static str,
    pub tab_share: &'static str,
    pub close_panel: &'static str,
    pub evidence_intro: &'static str,
    pub the_record: &'static str,
    pub the_check: &'static str,
    pub the_result: &'static str,
    pub tune_intro: &'static str,
    pub tune_shared: &'static str,
    pub cause_off: &'static str,
    pub reset_param: &'static str,
    pub default_word: &'static str,
    pub record_fact: &'static str,
    pub assumption: &'static str,
    pub col_setting: &'static str,
    pub col_value: &'static str,
    pub col_range: &'static str,
    pub col_kind: &'static str,
    pub col_why: &'static str,
    pub timeline_heading: &'static str,
    pub background_heading: &'static str,
    pub sources_heading: &'static str,
    pub source: &'static str,
    pub table_caption: &'static str,
    pub col_time: &'static str,
    pub col_failing: &'static str,
    pub col_arriving: &'static str,
    pub col_capacity: &'static str,
    pub col_served: &'static str,
    pub notice_heading: &'static str,
    pub free_translation: &'static str,
    pub show_original: &'static str,
    pub embed_script: &'static str,
    pub embed_iframe: &'static str,
    pub copy_code: &'static str,
    pub code_copied: &'static str,
    pub iframe_title: &'static str,
    /// While a story fetched on demand is on its way.
    pub loading_story: &'static str,
    pub exports_heading: &'static str,
    pub export_svg: &'static str,
    pub export_png: &'static str,
    pub export_curve: &'static str,
    pub export_checks: &'static str,
    pub export_blocked: &'static str,
    pub claimreview_heading: &'static str,
    pub claimreview_intro: &'static str,
    pub embed_heading: &'static str,
    pub no_cause: &'static str,
    pub terms_heading: &'static str,
    pub and: &'static str,
}

const EN: Ui = Ui {
    causes_heading: "Possible causes",
    presets_label: "Start from",
    on: "On",
    off: "Off",
    reset_all: "Reset",
    copy_link: "Copy link",
    link_copied: "Link copied.",
    copy_failed: "This page does not allow copying. Select the text and copy it yourself.",
    panel_failing: "Share of visits that fail",
    panel_failing_short: "Visits failing",
    panel_load: "Users a minute: arrivals by cause, against capacity",
    panel_load_short: "Users a minute",
    legend_failing: "Visits that fail",
    legend_attempts: "Attempts, retries included",
    legend_capacity: "Capacity",
    legend_pass: "Reproduced",
    legend_fail: "Not reproduced",
    legend_threshold: "Failing threshold",
    claimed_start: "Claimed start",
    deadline: "Deadline",
    timeline_label: "The documented record on the time axis",
    times_in: "All times are local",
    time_slider: "Time",
    readout_prompt: "Point at the chart, or move the time slider, to read the values.",
    claims_heading: "The claims",
    claims_intro: "Each verdict weighs every mix of causes across the plausible assumptions. Your switches do not change it.",
    claim_by: "By",
    checking: "Checking the claims against the plausible scenarios",
    plausible: "plausible scenarios",
    support_label: "Support",
    hangs_on: "Depends most on",
    hangs_on_plausible: "What makes a scenario plausible depends most on",
    more: "Why",
    tabs_label: "More about this fact-check",
    tab_evidence: "Evidence",
    tab_tune: "Tune the causes",
    tab_assumptions: "Assumptions",
    tab_record: "Record and sources",
    tab_data: "Data",
    tab_share: "Share",
    close_panel: "Close",
    evidence_intro: "Each observation in the record, the check the model must pass, and what your settings give.",
    the_record: "The record",
    the_check: "The check",
    the_result: "With your settings",
    tune_intro: "Move a slider to see how the curve responds. The verdicts do not move: they already cover the whole plausible range.",
    tune_shared: "Traffic, capacity, behaviour and check thresholds",
    cause_off: "This cause is off.",
    reset_param: "Reset",
    default_word: "default",
    record_fact: "Record",
    assumption: "Assumption",
    col_setting: "Setting",
    col_value: "Value",
    col_range: "Range",
    col_kind: "From",
    col_why: "Why",
    timeline_heading: "Timeline",
    background_heading: "Background",
    sources_heading: "Sources",
    source: "Source",
    table_caption: "The simulated site with your settings, hour by hour",
    col_time: "Time",
    col_failing: "Visits failing",
    col_arriving: "Users arriving a minute",
    col_capacity: "Capacity a minute",
    col_served: "Users served a minute",
    notice_heading: "Some settings were ignored",
    free_translation: "free translation",
    show_original: "Original",
    embed_script: "Script embed (preferred)",
    embed_iframe: "Iframe embed",
    copy_code: "Copy code",
    code_copied: "Code copied.",
    iframe_title: "Claim checker",
    loading_story: "Loading the story…",
    exports_heading: "Download",
    export_svg: "Chart (SVG)",
    export_png: "Chart (PNG)",
    export_curve: "Curve (CSV)",
    export_checks: "Checks (CSV)",
    export_blocked: "This page does not allow downloads. Copy the link instead.",
    claimreview_heading: "Fact-check markup (ClaimReview)",
    claimreview_intro: "Schema.org ClaimReview for each claim, for search engines. Paste it in the article's page.",
    embed_heading: "Embed this view",
    no_cause: "no cause",
    terms_heading: "Terms used here",
    and: "and",
};

const FR: Ui = Ui {
    causes_heading: "Causes possibles",
    presets_label: "Partir de",
    on: "Activée",
    off: "Désactivée",
    reset_all: "Réinitialiser",
    copy_link: "Copier le lien",
    link_copied: "Lien copié.",
    copy_failed: "Cette page ne permet pas de copier. Sélectionnez le texte et copiez-le vous-même.",
    panel_failing: "Part des visites qui échouent",
    panel_failing_short: "Visites échouées",
    panel_load: "Internautes à la minute\u{a0}: arrivées par cause et capacité",
    panel_load_short: "Internautes à la minute",
    legend_failing: "Visites qui échouent",
    legend_attempts: "Tentatives, reprises comprises",
    legend_capacity: "Capacité",
    legend_pass: "Reproduite",
    legend_fail: "Non reproduite",
    legend_threshold: "Seuil de défaillance",
    claimed_start: "Début selon l'affirmation",
    deadline: "Échéance",
    timeline_label: "Le dossier documenté sur l'axe du temps",
    times_in: "Toutes les heures sont locales",
    time_slider: "Heure",
    readout_prompt: "Pointez le graphique, ou déplacez le curseur de l'heure, pour lire les valeurs.",
    claims_heading: "Les affirmations",
    claims_intro: "Chaque verdict tient compte de toutes les combinaisons de causes, sur l'ensemble des hypothèses plausibles. Vos réglages ne le changent pas.",
    claim_by: "Par",
    checking: "Vérification des affirmations dans les scénarios plausibles",
    plausible: "scénarios plausibles",
    support_label: "Appui",
    hangs_on: "Dépend surtout de",
    hangs_on_plausible: "La plausibilité d'un scénario dépend surtout de",
    more: "Pourquoi",
    tabs_label: "En savoir plus sur cette vérification",
    tab_evidence: "Preuves",
    tab_tune: "Régler les causes",
    tab_assumptions: "Hypothèses",
    tab_record: "Dossier et sources",
    tab_data: "Données",
    tab_share: "Partager",
    close_panel: "Fermer",
    evidence_intro: "Chaque observation du dossier, la vérification que le modèle doit réussir, et ce que donnent vos réglages.",
    the_record: "Le dossier",
    the_check: "La vérification",
    the_result: "Avec vos réglages",
    tune_intro: "Déplacez un curseur pour voir comment la courbe réagit. Les verdicts ne bougent pas\u{a0}: ils couvrent déjà toute la plage plausible.",
    tune_shared: "Trafic, capacité, comportement et seuils des vérifications",
    cause_off: "Cette cause est désactivée.",
    reset_param: "Réinitialiser",
    default_word: "par défaut",
    record_fact: "Dossier",
    assumption: "Hypothèse",
    col_setting: "Réglage",
    col_value: "Valeur",
    col_range: "Plage",
    col_kind: "Provenance",
    col_why: "Pourquoi",
    timeline_heading: "Chronologie",
    background_heading: "Contexte",
    sources_heading: "Sources",
    source: "Source",
    table_caption: "Le site simulé avec vos réglages, heure par heure",
    col_time: "Heure",
    col_failing: "Visites échouées",
    col_arriving: "Arrivées à la minute",
    col_capacity: "Capacité à la minute",
    col_served: "Internautes servis à la minute",
    notice_heading: "Certains réglages ont été ignorés",
    free_translation: "traduction libre",
    show_original: "Original",
    embed_script: "Intégration par script (conseillée)",
    embed_iframe: "Intégration par iframe",
    copy_code: "Copier le code",
    code_copied: "Code copié.",
    iframe_title: "Vérificateur d'affirmations",
    loading_story: "Chargement du dossier…",
    exports_heading: "Télécharger",
    export_svg: "Graphique (SVG)",
    export_png: "Graphique (PNG)",
    export_curve: "Courbe (CSV)",
    export_checks: "Vérifications (CSV)",
    export_blocked: "Cette page ne permet pas les téléchargements. Copiez plutôt le lien.",
    claimreview_heading: "Balisage de vérification (ClaimReview)",
    claimreview_intro: "Le balisage Schema.org ClaimReview de chaque affirmation, pour les moteurs de recherche. Collez-le dans la page de l'article.",
    embed_heading: "Intégrer cette vue",
    no_cause: "aucune cause",
    terms_heading: "Termes employés",
    and: "et",
};
