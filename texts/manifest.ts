/**
 * The Teams app package build's words (manifest/, `npm run -s manifest`), for whoever builds and
 * uploads the package: settings it needs, and every problem as "file /path: what is wrong". German,
 * like manifest/README.md; the schema validator's own messages stay as ajv gives them.
 */

// ---- settings (manifest/settings.ts) ------------------------------------------------------------

/** The developer name written until DEVELOPER_NAME is set. */
export const PLACEHOLDER_DEVELOPER = "Geschäftsstelle KIM";

export function notAHost(example: string, given: string): string {
  return `BOT_DOMAIN muss ein bloßer Hostname ohne https:// und Pfad sein, z. B. ${example}, nicht ${JSON.stringify(given)}.`;
}

export function badArguments(reason: string): string {
  return `${reason} – erlaubt sind --bot-id <GUID>, --app-id <GUID> und --out <Datei>.`;
}

export function guidMissing(name: string, option: string): string {
  return `${name} fehlt: Setzen Sie die Umgebungsvariable ${name} (oder ${option}) auf die Microsoft App ID aus der Azure-Bot-Registrierung, eine GUID.`;
}

export function notAGuid(name: string, given: string): string {
  return `${name} ist keine GUID: ${JSON.stringify(given)} – erwartet wird die Form 00000000-0000-0000-0000-000000000000.`;
}

// ---- what the build prints (manifest/build.ts) --------------------------------------------------

export function placeholdersLeft(names: string[]): string {
  return `Hinweis: ${names.join(", ")} noch auf Platzhaltern – vor dem Hochladen setzen, siehe manifest/README.md.`;
}

export function packageBuilt(manifestVersion: string, appId: string, botId: string): string {
  return `Manifest v${manifestVersion} gültig (App-ID ${appId}, Bot-ID ${botId}).`;
}

/** The first line above the problems, one per line below it. */
export function packageInvalid(count: number): string {
  return `Das App-Paket ist ungültig (${count} Fehler):`;
}

// ---- problems of the package (manifest/app-package.ts, checks.ts, icons.ts, schema.ts) ---------

/** Where in which file: "manifest.json /bots/0". */
export function at(file: string, pointer: string): string {
  return `${file} ${pointer}`;
}

export function fileMissing(name: string): string {
  return `${name}: Datei fehlt in manifest/`;
}

export function unknownPlaceholder(name: string): string {
  return `manifest.template.json: unbekannter Platzhalter \${${name}}`;
}

export function notJson(name: string, reason: string): string {
  return `${name}: kein gültiges JSON (${reason})`;
}

export function noSchema(file: string, version: string, reason: string): string {
  return `${file}: kein gebündeltes Schema für Manifest-Version ${JSON.stringify(version)} (${reason})`;
}

export function noCommandList(where: string, scope: string): string {
  return `${where}: keine Befehlsliste für ${scope}`;
}

export function tooManyCommands(where: string, count: number, max: number): string {
  return `${where}: ${count} Befehle, Teams zeigt höchstens ${max}`;
}

export function titleTooLong(where: string, title: string, max: number): string {
  return `${where}: Titel "${title}" ist länger als ${max} Zeichen`;
}

export function descriptionTooLong(where: string, title: string, max: number): string {
  return `${where}: Beschreibung von "${title}" ist länger als ${max} Zeichen`;
}

export function notHttps(where: string, url: string): string {
  return `${where}: muss mit https:// beginnen, ist ${JSON.stringify(url)}`;
}

export function wrongSchema(where: string, expected: string, found: unknown): string {
  return `${where}: muss ${expected} sein, ist ${JSON.stringify(found)}`;
}

export function notInManifest(where: string): string {
  return `${where}: gibt es im Manifest nicht`;
}

export function translationMissing(file: string, key: string): string {
  return `${file}: Übersetzung fehlt für ${key}`;
}

export function permissionMissing(where: string, name: string): string {
  return `${where}: ${name} (Application) fehlt; ohne sie meldet Teams keine Sitzungsereignisse`;
}

export function notTheBotId(where: string, botId: string | undefined, found: unknown): string {
  return `${where}: muss die App-ID des Bots (${botId}) sein, ist ${JSON.stringify(found)}`;
}

export function emptyResource(where: string): string {
  return `${where}: darf für RSC-Berechtigungen nicht leer sein`;
}

export function unreadablePng(file: string, reason: string): string {
  return `${file}: keine lesbare PNG-Datei (${reason})`;
}

export function wrongIconSize(file: string, width: number, height: number, size: number): string {
  return `${file}: ist ${width}×${height} Pixel groß, Teams verlangt ${size}×${size}`;
}

export function notWhiteOrTransparent(file: string): string {
  return `${file}: darf nur weiße oder transparente Pixel enthalten`;
}
