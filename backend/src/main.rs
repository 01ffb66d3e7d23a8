//! `hromada`: serve, migrate, load demo data, and operator commands.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use hromada_backend::{Config, db, demo, server};
use hromada_tenants::{Role, TenantSource, TenantTx, accounts, katottg, tenant};
use tracing_subscriber::EnvFilter;

/// Hromada: administrative services, websites and land maps for territorial communities.
#[derive(Parser)]
#[command(name = "hromada", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database and serve HTTP (GraphQL at /graphql, GraphiQL at /graphiql).
    Serve,
    /// Create the database if missing, apply migrations, create the server's role.
    Migrate,
    /// Migrate and load demo data (an oblast, three communities, users). Idempotent.
    Demo,
    /// Print the GraphQL schema (SDL), from which the console's types are generated.
    Schema,
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage oblasts (the first step of a new deployment).
    Oblast {
        #[command(subcommand)]
        command: OblastCommand,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a user (or take the existing one) and grant a role in a tenant.
    /// The password is read from standard input.
    Add {
        /// The user's e-mail.
        #[arg(long)]
        email: String,
        /// The tenant's slug.
        #[arg(long)]
        tenant: String,
        /// The role, e.g. oblast_admin.
        #[arg(long)]
        role: String,
        /// The user's display name.
        #[arg(long, default_value = "")]
        name: String,
    },
}

#[derive(Subcommand)]
enum OblastCommand {
    /// Create an oblast tenant; the Ukrainian name defaults to the codifier's.
    Add {
        #[arg(long)]
        slug: String,
        /// Its KATOTTG code, e.g. UA12000000000090473.
        #[arg(long)]
        katottg: String,
        #[arg(long)]
        name_en: String,
        #[arg(long)]
        name_uk: Option<String>,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Schema = cli.command {
        print!("{}", hromada_graphql::sdl());
        return ExitCode::SUCCESS;
    }
    let config = match Config::load() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    init_tracing(&config);
    match run(cli.command, config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(config: &Config) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if config.log_format == "json" {
        builder.json().with_current_span(true).init();
    } else {
        builder.init();
    }
}

async fn run(command: Command, config: Config) -> Result<(), Box<dyn std::error::Error>> {
    match command {
        Command::Serve => {
            let running = server::start(config).await?;
            running.wait().await?;
        }
        Command::Schema => print!("{}", hromada_graphql::sdl()),
        Command::Migrate => {
            db::setup(&config).await?;
            println!("migrations applied; the server's role is ready");
        }
        Command::Demo => {
            db::setup(&config).await?;
            let pool = db::connect(&config.database_url, 2).await?;
            let logins = demo::load(&config, &pool).await?;
            println!(
                "Demo data loaded. Every demo account's password: {}",
                demo::DEMO_PASSWORD
            );
            for (email, tenant, role) in logins {
                println!("  {email:<42} {role:<18} in {tenant}");
            }
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    tenant,
                    role,
                    name,
                },
        } => {
            let role = Role::parse("role", &role)?;
            let password = read_password()?;
            let pool = db::connect(&config.database_url, 2).await?;
            let found = tenant::by_slug(&pool, &tenant)
                .await?
                .ok_or_else(|| format!("tenant '{tenant}' not found"))?;
            if role.tenant_kind() != found.kind {
                return Err(format!("{role} cannot be held in a {}", found.kind.as_str()).into());
            }
            let tx = TenantTx::begin(&pool, Some((found.clone(), TenantSource::Host)), None, None)
                .await?;
            let user = match accounts::user_by_email(tx.conn(), &email).await? {
                Some(u) => {
                    println!(
                        "{} already has an account; its password is unchanged",
                        u.email
                    );
                    u
                }
                None => accounts::create_user(tx.conn(), &email, &name, &password).await?,
            };
            accounts::grant_unchecked(tx.conn(), found.id, user.id, role).await?;
            hromada_tenants::audit::record(
                &tx,
                hromada_tenants::audit::AuditEvent {
                    action: "role.grant",
                    target_type: "user",
                    target_id: user.id.to_string(),
                    summary: serde_json::json!({ "email": user.email, "role": role.as_str(), "by": "cli" }),
                },
            )
            .await?;
            tx.commit().await?;
            println!("{} holds {role} in {}", user.email, found.slug);
        }
        Command::Oblast {
            command:
                OblastCommand::Add {
                    slug,
                    katottg: code,
                    name_en,
                    name_uk,
                },
        } => {
            let pool = db::connect(&config.database_url, 2).await?;
            let name_uk = match name_uk {
                Some(n) => n,
                None => katottg::unit(&code)
                    .map(|u| format!("{} область", u.name))
                    .ok_or_else(|| format!("katottg: {code} is not in the codifier"))?,
            };
            let oblast = tenant::create_oblast(&pool, &slug, &code, &name_uk, &name_en).await?;
            println!("created oblast {} ({})", oblast.slug, oblast.name_uk);
        }
    }
    Ok(())
}

/// Reads the password from the first line of standard input (prompting on a terminal).
fn read_password() -> Result<String, Box<dyn std::error::Error>> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("password: ");
        std::io::stderr().flush()?;
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    hromada_tenants::validate::password("password", &password)?;
    Ok(password)
}
