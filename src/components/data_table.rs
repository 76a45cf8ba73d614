//! The chart's values hour by hour, in a disclosure: the accessible
//! alternative to the curves.

use yew::prelude::*;

use crate::app::{ResultsRef, ScenarioRef};
use crate::i18n::Lang;

/// Props of [`DataTable`].
#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    /// The record (for the clock).
    pub scenario: ScenarioRef,
    /// The model's results.
    pub results: ResultsRef,
    /// The interface language.
    pub lang: Lang,
}

/// The table, rendered only while open.
#[function_component(DataTable)]
pub fn data_table(props: &DataTableProps) -> Html {
    let lang = props.lang;
    let ui = lang.ui();
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let d: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(d.open());
        })
    };
    let run = &props.results.run;
    let rows = (0..run.failure_fraction.len()).step_by(60).map(|i| {
        let hour = i..(i + 60).min(run.failure_fraction.len());
        let mean = |v: &Vec<f64>| {
            let s = &v[hour.clone()];
            s.iter().sum::<f64>() / s.len().max(1) as f64
        };
        html! {
            <tr>
                <th scope="row">{ lang.date_time(props.scenario.clock.local(i as i32)) }</th>
                <td class="cc-num">{ lang.percent(mean(&run.failure_fraction), 1) }</td>
                <td class="cc-num">{ lang.compact(mean(&run.demand_baseline)) }</td>
                <td class="cc-num">{ lang.compact(mean(&run.demand_deadline)) }</td>
                <td class="cc-num">{ lang.compact(mean(&run.demand_election)) }</td>
                <td class="cc-num">{ lang.compact(mean(&run.attempts)) }</td>
                <td class="cc-num">{ lang.compact(mean(&run.capacity)) }</td>
                <td class="cc-num">{ lang.compact(mean(&run.served)) }</td>
                <td class="cc-num">{ lang.percent(mean(&run.us_share), 0) }</td>
            </tr>
        }
    });
    html! {
        <details class="cc-section cc-data" ontoggle={on_toggle}>
            <summary>{ ui.table_heading }</summary>
            if *open {
                <div class="cc-table-wrap" tabindex="0" role="region"
                    aria-label={ui.table_heading}>
                    <table>
                        <caption>{ format!("{} ({})", ui.panel_load, ui.per_min) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ ui.col_time }</th>
                                <th scope="col">{ ui.legend_failing }</th>
                                <th scope="col">{ ui.legend_baseline }</th>
                                <th scope="col">{ ui.legend_deadline }</th>
                                <th scope="col">{ ui.legend_election }</th>
                                <th scope="col">{ ui.legend_attempts }</th>
                                <th scope="col">{ ui.legend_capacity }</th>
                                <th scope="col">{ ui.served }</th>
                                <th scope="col">{ ui.readout_us_share }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        </details>
    }
}
