/**
 * Third schema step: what routing a Teams activity to its body asks (adapters/pg-bodies.ts) in
 * columns and an indexed table instead of inside every body's document, which routing used to
 * read whole for each activity. `team_id`, `tenant_id`: generated from the document's Teams
 * installation, so no writer can let them drift. `body_persons`: each roster person's Entra object
 * id and lower-cased e-mail, rebuilt by a trigger in the transaction of every write that changes
 * the roster (an import, a binding) — and only then: other changes do not touch it.
 */
import type { MigrationBuilder } from "node-pg-migrate";

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`ALTER TABLE bodies
    ADD COLUMN team_id text GENERATED ALWAYS AS (data->'teams'->>'teamId') STORED,
    ADD COLUMN tenant_id text GENERATED ALWAYS AS (data->'teams'->>'tenantId') STORED`);
  pgm.createIndex("bodies", ["team_id"], { name: "bodies_team_id" });

  pgm.createTable("body_persons", {
    body_id: { type: "text", notNull: true, references: "bodies", onDelete: "CASCADE" },
    person_id: { type: "text", notNull: true },
    aad_object_id: { type: "text" },
    email: { type: "text" },
  });
  pgm.createIndex("body_persons", ["body_id"], { name: "body_persons_body" });
  pgm.createIndex("body_persons", ["aad_object_id"], { name: "body_persons_aad" });
  pgm.createIndex("body_persons", ["email"], { name: "body_persons_email" });

  pgm.createFunction(
    "body_persons_refresh",
    [],
    { returns: "trigger", language: "plpgsql" },
    `BEGIN
       DELETE FROM body_persons WHERE body_id = NEW.id;
       INSERT INTO body_persons (body_id, person_id, aad_object_id, email)
         SELECT NEW.id, p->>'id', p->>'aadObjectId', lower(p->>'email') FROM jsonb_array_elements(NEW.data->'persons') p;
       RETURN NULL;
     END;`,
  );
  pgm.createTrigger("bodies", "body_persons_on_insert", { when: "AFTER", operation: "INSERT", level: "ROW", function: "body_persons_refresh" });
  pgm.createTrigger("bodies", "body_persons_on_update", {
    when: "AFTER",
    operation: "UPDATE",
    level: "ROW",
    condition: "OLD.data->'persons' IS DISTINCT FROM NEW.data->'persons'",
    function: "body_persons_refresh",
  });
  // The bodies already there.
  pgm.sql(`INSERT INTO body_persons (body_id, person_id, aad_object_id, email)
    SELECT b.id, p->>'id', p->>'aadObjectId', lower(p->>'email') FROM bodies b, jsonb_array_elements(b.data->'persons') p`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.dropTrigger("bodies", "body_persons_on_update");
  pgm.dropTrigger("bodies", "body_persons_on_insert");
  pgm.dropFunction("body_persons_refresh", []);
  pgm.dropTable("body_persons");
  pgm.dropIndex("bodies", ["team_id"], { name: "bodies_team_id" });
  pgm.sql("ALTER TABLE bodies DROP COLUMN tenant_id, DROP COLUMN team_id");
}
