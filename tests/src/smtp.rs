//! A real SMTP server for tests: aiosmtpd (from PyPI, installed by `infra/setup.sh --test`)
//! storing what it receives in a maildir.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::{ReceivedMail, read_mail_files, wait_for_mail};

/// An SMTP server on a loopback port that can be stopped and started again.
pub struct SmtpServer {
    pub port: u16,
    pub maildir: PathBuf,
    child: Option<Child>,
}

impl SmtpServer {
    /// Starts a server on a free port.
    pub async fn start() -> SmtpServer {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("free port");
        let maildir = std::env::temp_dir().join(format!("hromada-smtp-{}", uuid::Uuid::new_v4()));
        let mut server = SmtpServer {
            port,
            maildir,
            child: None,
        };
        server.resume().await;
        server
    }

    /// The URL the server's configuration takes.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Starts the process (again) on the same port and maildir, and waits until it listens.
    pub async fn resume(&mut self) {
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{}", self.port))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&self.maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start aiosmtpd (run infra/setup.sh --test)");
        self.child = Some(child);
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port))
                .await
                .is_ok()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("aiosmtpd did not listen on {}", self.port);
    }

    /// Stops the process; the port refuses connections until [`resume`](Self::resume).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Every mail received so far.
    pub fn mails(&self) -> Vec<ReceivedMail> {
        read_mail_files(&self.maildir)
    }

    /// Waits for a mail matching `pred`.
    pub async fn wait(&self, secs: u64, pred: impl Fn(&ReceivedMail) -> bool) -> ReceivedMail {
        wait_for_mail(secs, || self.mails(), pred).await
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}
