/** The React major version the vitest project runs against (`react`: 19, `react-18`: 18). */
declare const __REACT_MAJOR__: string;

/** The Chromium the project drives: its path and where it was found (`scripts/chromium.mjs`). */
declare const __CHROMIUM__: { executablePath: string; source: string };
