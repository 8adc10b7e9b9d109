namespace Interview.Core.Tests.Plans.Drafting;

/// <summary>Job descriptions written for the drafting tests, as recruiters paste them: a title, prose, bullets.</summary>
internal static class JobDescriptions
{
    public const string DataEngineer = """
        Senior Data Engineer (Remote)

        Acme Analytics helps retailers understand their customers. We're growing our data platform team and need someone
        who loves building reliable pipelines.

        What you'll do
        - Design and build batch and streaming data pipelines that ingest billions of events a day.
        - Own our Kafka ingestion layer and the dbt models on top of our Snowflake warehouse.
        - Orchestrate jobs in Airflow, and improve data quality monitoring and alerting.
        - Work closely with analysts and product managers to shape the data model.

        What we're looking for
        - 5+ years of experience with Python and SQL.
        - Hands-on with Kafka, dbt and Airflow in production.
        - Experience with data warehouse design (Snowflake, BigQuery or Redshift).
        - Clear communication with non-technical stakeholders.

        Location: Remote (EU time zones)
        """;

    public const string FrontendEngineer = """
        Frontend Engineer

        We're a small product team at Brightpath building a scheduling app used by 40,000 clinics. You'll join the web
        team and own features end to end, from the first design review to the release.

        Responsibilities
        - Build fast, accessible user interfaces in React and TypeScript.
        - Grow our component library and design system with our designers in Figma.
        - Write tests with Jest and Playwright, and keep an eye on web performance and Core Web Vitals.
        - Review code and help the team keep the codebase maintainable.

        Requirements
        - 3+ years building single-page web apps with React.
        - Strong TypeScript, CSS and HTML.
        - Experience with GraphQL and Next.js is a plus.
        - You care about accessibility and the details of a good user experience.
        """;

    public const string CustomerSuccessManager = """
        Customer Success Manager

        Northwind is a B2B SaaS platform for logistics teams. As a Customer Success Manager you will own a portfolio of
        about 60 mid-market accounts, from onboarding to renewal.

        In this role you will
        - Drive adoption and be the trusted advisor for your accounts.
        - Monitor customer health in Salesforce and Gainsight, and act early on churn risk.
        - Run quarterly business reviews (QBRs) and find upsell and expansion opportunities.
        - Partner with Sales and Support to resolve escalations quickly.

        About you
        - 3+ years in customer success or account management for a SaaS product.
        - A track record of reducing churn and hitting net revenue retention targets.
        - Confident presenting to executives; excellent written and verbal communication.
        - Comfortable with Salesforce; Gainsight experience is a plus.

        Location: Berlin, hybrid
        """;
}
