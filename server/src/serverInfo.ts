/** The server's name and version, as told to clients in `initialize` and printed by `--version`. */
import { version } from '../../package.json';

export const SERVER_NAME = 'cable-language-server';
export const SERVER_VERSION: string = version;
