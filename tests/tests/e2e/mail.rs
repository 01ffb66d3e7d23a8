//! Mail through a real SMTP server, and nothing lost while it is down.

use hromada_tests::smtp::SmtpServer;
use hromada_tests::{TestApp, data};
use serde_json::json;

const CREATE: &str =
    "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { slug } } }";

fn community(slug: &str, katottg: &str, email: &str) -> serde_json::Value {
    json!({ "i": { "slug": slug, "katottg": katottg, "nameUk": "Громада", "nameEn": "Hromada", "adminEmail": email } })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_invitation_arrives_over_smtp_and_its_link_works() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(|c| c.smtp_url = Some(smtp.url())).await;
    let token = app.demo_login("oblast.admin@hromada.localhost").await;
    let res = app
        .gql(
            Some("dnipropetrovska"),
            Some(&token),
            CREATE,
            community("liashkivska", "UA12020070000057092", "head@liashky.example"),
        )
        .await;
    data(&res);
    let mail = smtp.wait(20, |m| m.to == "head@liashky.example").await;
    assert!(mail.subject.contains("Invitation"), "{}", mail.subject);
    let page = app.http.get(mail.link()).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("head@liashky.example"));
    assert!(
        app.eml_mails().is_empty(),
        "with SMTP configured nothing goes to files"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_queued_while_smtp_is_down_arrives_when_it_is_back() {
    let mut smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(|c| c.smtp_url = Some(smtp.url())).await;
    // The demo's own invitations go out first.
    smtp.wait(20, |m| m.to == "admin@kryvorizka.hromada.localhost")
        .await;
    smtp.stop();

    let token = app.demo_login("oblast.admin@hromada.localhost").await;
    let res = app
        .gql(
            Some("dnipropetrovska"),
            Some(&token),
            CREATE,
            community(
                "mykolaivska",
                "UA12020090000044548",
                "head@mykolaivka.example",
            ),
        )
        .await;
    data(&res);
    // The worker tries, fails, and keeps the mail.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let failed = app
            .count(
                "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND attempts > 0 \
                    AND last_error IS NOT NULL AND payload->>'to' = 'head@mykolaivka.example'",
            )
            .await;
        if failed == 1 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no failed delivery attempt recorded"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        !smtp
            .mails()
            .iter()
            .any(|m| m.to == "head@mykolaivka.example")
    );

    smtp.resume().await;
    let mail = smtp.wait(30, |m| m.to == "head@mykolaivka.example").await;
    assert!(mail.link().contains("tenant=mykolaivska"));
    // The worker marks the mail sent right after the SMTP server has taken it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app
        .count("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND payload->>'to' = 'head@mykolaivka.example'")
        .await
        != 0
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the delivered mail is still unsent in the outbox"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
