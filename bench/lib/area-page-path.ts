/** The area page the benches load (the starter's Community Relations, in English). */
export const AREA_PAGE_PATH = "/en/frameworks/public-library-staff/items/ML.CR";
