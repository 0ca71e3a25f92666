package org.jobdash.ai;

/** Texts the tests analyse: résumés and job postings of several trades. */
final class Resumes {

  private Resumes() {}

  static final String JAVA_BACKEND = """
      Dana Reyes
      dana.reyes@example.com | Portland, OR

      Summary
      Backend software engineer with 7 years of experience building Java microservices and REST APIs.

      Skills
      Java, Spring Boot, PostgreSQL, Kafka, Docker, k8s, AWS, CI/CD, JUnit

      Experience
      Senior Backend Engineer, Fernway Logistics (2019-2024)
      - Built Java 17 microservices on Kubernetes serving 4,000 requests per second
      - Cut p99 latency by 35% by redesigning PostgreSQL indexes and caching with Redis
      - Migrated a monolith to event-driven services on Apache Kafka
      Software Engineer, Brightline Health (2016-2019)
      - Developed REST APIs with Spring Boot and wrote JUnit integration tests

      Education
      B.S. Computer Science, Oregon State University
      """;

  static final String JAVA_JOB = """
      Senior Java Backend Engineer. We build distributed systems in Java and Spring Boot, deployed with Docker on
      Kubernetes in AWS. You will design REST APIs and microservices, tune PostgreSQL queries, work with Kafka,
      and own CI/CD pipelines. 5+ years of backend development experience required.
      """;

  static final String PASTRY_JOB = """
      Pastry Chef wanted for a busy French bakery. Produce laminated doughs, croissants, tarts and plated desserts,
      develop seasonal menus, manage pastry inventory and food cost, and keep HACCP and ServSafe food safety
      standards. Cake decorating and chocolate work a plus.
      """;

  static final String NURSE = """
      Maria Okafor, RN
      Summary
      Registered nurse with 6 years in medical-surgical and telemetry units.

      Licenses & Certifications
      RN license (Texas), BLS, ACLS

      Experience
      Staff Nurse, St. Luke's Hospital (2018-2024)
      - Provided patient care for 5-6 patients per shift on a 32-bed telemetry unit
      - Administered medications and IV therapy, monitored vital signs and cardiac rhythms
      - Charted assessments in Epic and educated patients and families on discharge plans

      Education
      BSN, University of Houston
      """;

  static final String NURSING_JOB = """
      Registered Nurse - Telemetry. Provide direct patient care, medication administration and patient education on a
      progressive care unit. Perform patient assessments, monitor telemetry, document in the EHR and coordinate
      discharge planning. Current RN license, BLS and ACLS required; 2 years of acute care nursing experience.
      """;

  static final String ACCOUNTING_JOB = """
      Staff Accountant. Prepare journal entries, perform account reconciliation and support the month-end close.
      Maintain the general ledger, process accounts payable, prepare financial statements under GAAP, and build
      Excel reports (pivot tables, VLOOKUP). QuickBooks experience and CPA track preferred.
      """;

  static final String NO_NUMBERS = """
      Jordan Lee

      Experience
      Line Cook, Harbor Grill
      - Responsible for the grill station during dinner service
      - Helped with prep and kept the walk-in organized
      - Worked with the team to plate dishes quickly

      Skills
      Knife skills, food safety, teamwork

      Education
      Culinary certificate, City College
      """;
}
