//! The chart's values hour by hour: the accessible alternative to the
//! curves, for the reader's own settings.

use claimcheck_model::locale::Lang;
use yew::prelude::*;

use crate::app::{ResultsRef, ScenarioRef};
use crate::i18n::ui;

/// Props of [`DataTable`].
#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    /// The incident.
    pub scenario: ScenarioRef,
    /// The reader's results.
    pub results: ResultsRef,
    /// The interface language.
    pub lang: Lang,
    /// Where the crosshair is.
    pub cursor: Option<claimcheck_model::time::Minute>,
    /// Called when the crosshair moves.
    pub on_cursor: Callback<Option<claimcheck_model::time::Minute>>,
}

/// The time probe and the table.
#[function_component(DataTable)]
pub fn data_table(props: &DataTableProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let run = &props.results.run;
    let rows = (0..run.len()).step_by(60).map(|i| {
        let hour = i..(i + 60).min(run.len());
        let mean = |v: &[f64]| {
            let s = &v[hour.clone()];
            s.iter().sum::<f64>() / s.len().max(1) as f64
        };
        html! {
            <tr>
                <th scope="row">{ lang.moment_label(props.scenario.clock.local(i as i32)) }</th>
                <td class="cc-num">{ lang.percent(mean(&run.failure_fraction)) }</td>
                <td class="cc-num">{ lang.count(mean(&run.fresh)) }</td>
                <td class="cc-num">{ lang.count(mean(&run.capacity)) }</td>
                <td class="cc-num">{ lang.count(mean(&run.served)) }</td>
            </tr>
        }
    });
    html! {
        <>
        <crate::components::figure::TimeProbe scenario={props.scenario.clone()} results={props.results.clone()}
            {lang} cursor={props.cursor} on_cursor={props.on_cursor.clone()} />
        <div class="cc-table-wrap" tabindex="0" role="region" aria-label={ui.table_caption}>
            <table class="cc-data">
                <caption>{ ui.table_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ ui.col_time }</th>
                        <th scope="col">{ ui.col_failing }</th>
                        <th scope="col">{ ui.col_arriving }</th>
                        <th scope="col">{ ui.col_capacity }</th>
                        <th scope="col">{ ui.col_served }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
        </>
    }
}
