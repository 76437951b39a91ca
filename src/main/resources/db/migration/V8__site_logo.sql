-- A site's logo (the brand colour is site.brand_color). Kept apart from site, so reading a site never loads it.
-- Always a PNG that Latchkey re-encoded itself from the uploaded image.
create table site_logo (
    site_id     bigint       not null primary key references site (id) on delete cascade,
    png         bytea        not null,
    updated_at  timestamp with time zone not null
);
