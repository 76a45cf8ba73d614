//! The assumptions panel: every parameter with its current value, its
//! range and why that range; record facts are labelled as such.

use claimcheck_model::params::Provenance;
use claimcheck_model::Params;
use yew::prelude::*;

use crate::components::param_slider::decimals;
use crate::i18n::Lang;

/// Props of [`Assumptions`].
#[derive(Properties, PartialEq)]
pub struct AssumptionsProps {
    /// The parameter values.
    pub params: Params,
    /// The interface language.
    pub lang: Lang,
}

/// The panel.
#[function_component(Assumptions)]
pub fn assumptions(props: &AssumptionsProps) -> Html {
    let lang = props.lang;
    let ui = lang.ui();
    let rows = props.params.iter().map(|(spec, value)| {
        let d = decimals(spec.step);
        let fr = lang == Lang::Fr;
        let (kind, class) = match spec.provenance {
            Provenance::Record => (ui.record_fact, "cc-record"),
            Provenance::Assumption => (ui.assumption, "cc-assumption"),
        };
        let range = if spec.is_fixed() {
            "—".to_string()
        } else {
            format!("{} – {}", lang.number(spec.min, d), lang.number(spec.max, d))
        };
        html! {
            <tr class={class} data-param={spec.name}>
                <th scope="row">
                    { if fr { spec.label_fr } else { spec.label } }
                    <code class="cc-param-name">{ spec.name }</code>
                </th>
                <td class="cc-num">{ format!("{} {}", lang.number(value, d), lang.unit(spec.unit)) }</td>
                <td class="cc-num">{ range }</td>
                <td><span class="cc-badge">{ kind }</span></td>
                <td>{ if fr { spec.why_fr } else { spec.why } }</td>
            </tr>
        }
    });
    html! {
        <section class="cc-section cc-assumptions">
            <h3>{ ui.assumptions_heading }</h3>
            <div class="cc-table-wrap" tabindex="0" role="region"
                aria-label={ui.assumptions_heading}>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ ui.col_parameter }</th>
                            <th scope="col">{ ui.col_value }</th>
                            <th scope="col">{ ui.col_range }</th>
                            <th scope="col">{ ui.col_kind }</th>
                            <th scope="col">{ ui.col_why }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
