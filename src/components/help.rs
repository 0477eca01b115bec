//! The query-language help, as a native disclosure (keyboard accessible).

use yew::prelude::*;

#[component]
pub fn Help() -> Html {
    let rows = [
        (
            "drug trafficking",
            "passages with every word (stemmed: traffic, trafficking)",
        ),
        ("\"illegal migration\"", "the exact phrase"),
        ("migra*", "words starting with migra"),
        (
            "*ism",
            "words ending with ism, and their other forms (terrorism brings terrorist)",
        ),
        ("*terror*", "words containing terror"),
        (
            "drug NEAR/3 terrorism",
            "both within 3 words of each other, either order, in one passage (NEAR alone: 5)",
        ),
        ("-Afghanistan", "leave out passages with the word"),
        ("Kanal OR Proxy", "either word"),
        (
            "Kanal",
            "also finds Canal and Channel (variant spellings are joined)",
        ),
    ];
    html! {
        <details class="help">
            <summary>{ "Search syntax" }</summary>
            <div class="help-body">
                <table>
                    <caption>{ "Case and accents are ignored: Antonio finds António." }</caption>
                    <thead><tr><th scope="col">{ "Type" }</th><th scope="col">{ "To find" }</th></tr></thead>
                    <tbody>
                        { for rows.iter().map(|(q, what)| html! {
                            <tr><td><code>{ *q }</code></td><td>{ *what }</td></tr>
                        }) }
                    </tbody>
                </table>
                <p>{ "Keys: / focuses search; in a statement, n and p step through the hits." }</p>
            </div>
        </details>
    }
}
