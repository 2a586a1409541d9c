/** How many units the heat map shows: the most negative ones (the table below lists them all). */
export const HEATMAP_UNITS = 15;
