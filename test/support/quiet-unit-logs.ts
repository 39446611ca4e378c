import { Logger } from '@nestjs/common';

// Unit specs assert behaviour, not log lines: Nest's console logger would only bury the results.
Logger.overrideLogger(false);
