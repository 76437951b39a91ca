-- the sites a site admin manages (system admins manage every site)
create table admin_site (
    admin_id  bigint not null references app_user (id) on delete cascade,
    site_id   bigint not null references site (id) on delete cascade,
    primary key (admin_id, site_id)
);
