/**
 * The data, its log, the outbox and the minutes hold names and addresses of people from many
 * organisations: every file the bot writes is its owner's alone (folders likewise).
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_FOLDER = 0o700;
