/** The React major version the vitest project runs against (`react`: 19, `react-18`: 18). */
declare const __REACT_MAJOR__: string;
