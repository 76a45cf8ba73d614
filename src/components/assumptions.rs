//! The assumptions panel: every parameter with its current value, its
//! range, whether it comes from the record or is an assumption, and why.

use claimcheck_model::locale::Lang;
use claimcheck_model::scenario::Provenance;
use claimcheck_model::words::Words;
use claimcheck_model::Params;
use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::i18n::ui;

/// Props of [`Assumptions`].
#[derive(Properties, PartialEq)]
pub struct AssumptionsProps {
    /// The incident.
    pub scenario: ScenarioRef,
    /// The parameter values.
    pub params: Params,
    /// The interface language.
    pub lang: Lang,
}

/// The panel.
#[function_component(Assumptions)]
pub fn assumptions(props: &AssumptionsProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let s = &props.scenario;
    let w = Words::new(s, lang);
    let rows = s.params.iter().zip(props.params.values()).map(|(spec, &value)| {
        let (kind, class) = match spec.provenance {
            Provenance::Record => (ui.record_fact, "cc-record"),
            Provenance::Assumption => (ui.assumption, "cc-assumption"),
        };
        let range = if spec.is_fixed() { "—".to_string() } else { Lang::capitalize(&w.range(spec)) };
        let sources: Vec<String> = spec
            .sources
            .iter()
            .filter_map(|id| s.source(id))
            .map(|src| src.publisher.get(lang.key()).to_string())
            .collect();
        html! {
            <tr class={class} data-param={spec.id.clone()}>
                <th scope="row">{ spec.label.get(lang.key()) }</th>
                <td class="cc-num">{ w.value(spec, value) }</td>
                <td>{ range }</td>
                <td>
                    <span class="cc-badge">{ kind }</span>
                    if !sources.is_empty() { { format!(" {}", lang.list(&sources)) } }
                </td>
                <td>{ spec.why.get(lang.key()) }</td>
            </tr>
        }
    });
    html! {
        <div class="cc-assumptions">
            <div class="cc-table-wrap" tabindex="0" role="region" aria-label={ui.tab_assumptions}>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ ui.col_setting }</th>
                            <th scope="col">{ ui.col_value }</th>
                            <th scope="col">{ ui.col_range }</th>
                            <th scope="col">{ ui.col_kind }</th>
                            <th scope="col">{ ui.col_why }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </div>
    }
}
